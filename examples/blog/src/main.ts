// `npm run example` (after the build and the codegen CLI): seeds the embedded database, runs the
// demo query once with the generated batched resolvers and once with naive ones, and prints what
// each cost. Both go through the real server stack (yoga.fetch, no socket).
import { isDeepStrictEqual } from 'node:util';
import { createApp, type RequestStats, type ResolverSet } from './app.js';
import { openDatabase } from './db.js';
import { DEMO_QUERY, DEMO_VARIABLES, type DemoData } from './demo.js';
import { seed, sizesFromEnv } from './seed.js';

interface Run {
  readonly data: DemoData;
  readonly stats: RequestStats;
  readonly milliseconds: number;
}

// SEED_SCALE (a fraction) is for the end-to-end test of this script; the example is full size.
const sizes = sizesFromEnv(process.env.SEED_SCALE);
const started = performance.now();
const db = await openDatabase(process.env.DATABASE_URL);
const opened = performance.now() - started;
try {
  const seeded = await seed(db, sizes);
  const batched = await runDemo('batched');
  const naive = await runDemo('naive');
  if (!isDeepStrictEqual(batched.data, naive.data)) {
    throw new Error(
      'The batched and the naive resolvers returned different data for the demo query',
    );
  }
  const { posts } = batched.data;
  const comments = posts.reduce((n, post) => n + post.comments.length, 0);
  const tags = posts.reduce((n, post) => n + post.tags.length, 0);
  const editors = posts.filter((post) => post.editor !== null).length;
  const n = (x: number) => x.toLocaleString('en-US');
  const ms = (x: number) => `${n(Math.round(x))} ms`;
  const lines = [
    `database   ${db.label}, opened in ${ms(opened)}`,
    `seed       ${n(sizes.users)} users, ${n(sizes.posts)} posts, ${n(sizes.comments)} comments, ${n(sizes.tags)} tags in ${ms(seeded.milliseconds)}`,
    `query      posts(first: ${DEMO_VARIABLES.posts}) → author, editor, tags, comments(first: ${DEMO_VARIABLES.comments}) → author`,
    `result     ${n(posts.length)} posts, ${n(posts.length)} authors, ${n(editors)} editors, ${n(tags)} tags, ${n(comments)} comments with their authors (same data both ways)`,
    `batched    ${n(batched.stats.sql.statements)} SQL statements, ${n(batched.stats.sql.rows)} rows, ${n(batched.stats.dataloader.rounds)} rounds, ${ms(batched.milliseconds)}`,
    `naive      ${n(naive.stats.sql.statements)} SQL statements, ${n(naive.stats.sql.rows)} rows, ${ms(naive.milliseconds)}`,
    `total      ${ms(performance.now() - started)}`,
  ];
  console.log(
    `\ngraphql-codegen-batch example (examples/blog)\n${lines.map((l) => `  ${l}`).join('\n')}`,
  );
} finally {
  await db.close();
}

/** The demo query through the app's HTTP handler, with one resolver set. */
async function runDemo(resolverSet: ResolverSet): Promise<Run> {
  const app = createApp(db, resolverSet);
  const begin = performance.now();
  const response = await app.fetch('http://127.0.0.1/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: DEMO_QUERY, variables: DEMO_VARIABLES }),
  });
  const body = (await response.json()) as {
    data?: DemoData;
    errors?: unknown[];
    extensions?: RequestStats;
  };
  const milliseconds = performance.now() - begin;
  if (body.errors !== undefined || body.data === undefined || body.extensions === undefined) {
    throw new Error(
      `The demo query failed with the ${resolverSet} resolvers: ${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
  return { data: body.data, stats: body.extensions, milliseconds };
}
