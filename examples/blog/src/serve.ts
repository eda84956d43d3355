// `npm run example:serve`: seeds the database and serves the blog over HTTP on 127.0.0.1.
//   PORT          port to listen on (default 4000; 0 picks a free one)
//   DATABASE_URL  a PostgreSQL server to use instead of the embedded PGlite
//   SEED_SCALE    fraction of the full seed (default 1; the end-to-end tests use a small one)
//   RESOLVERS     'batched' (default), 'dataloader' or 'naive'
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type ResolverSet } from './app.js';
import { openDatabase } from './db.js';
import { seed, sizesFromEnv } from './seed.js';

const port = parsePort(process.env.PORT ?? '4000');
const resolverSet = parseResolverSet(process.env.RESOLVERS ?? 'batched');
const sizes = sizesFromEnv(process.env.SEED_SCALE);

const db = await openDatabase(process.env.DATABASE_URL);
const seeded = await seed(db, sizes);
const server = createServer(createApp(db, resolverSet));
server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(
    `${db.label}: seeded ${sizes.users} users, ${sizes.posts} posts, ${sizes.comments} comments, ${sizes.tags} tags in ${Math.round(seeded.milliseconds)} ms`,
  );
  // Tests wait for this exact line and read the port from it.
  console.log(`blog (${resolverSet} resolvers) listening on http://127.0.0.1:${actual}/graphql`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void db.close().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${text}"`);
  }
  return n;
}

function parseResolverSet(text: string): ResolverSet {
  if (text === 'batched' || text === 'dataloader' || text === 'naive') return text;
  throw new Error(`RESOLVERS must be "batched", "dataloader" or "naive", got "${text}"`);
}
