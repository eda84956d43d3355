// The blog's subscription over HTTP (Yoga's server-sent events on 127.0.0.1), on a database of
// its own: userRenamed delivers each renamed user as read when the event goes out, so a user
// renamed twice arrives with each new name (each event has a Dataloader of its own).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPubSub } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/blog/src/app.js';
import type { BlogEvents } from '../../examples/blog/src/context.js';
import { type Database, openDatabase } from '../../examples/blog/src/db.js';
import { type SeedData, scaledSizes, seed } from '../../examples/blog/src/seed.js';
import { bounded, sseReader } from '../integrations/support.js';
import { deferred } from '../runtime/support.js';
import { post, TEST_SCALE } from './support/blog.js';

let db: Database;
let data: SeedData;
let server: Server;
let url: string;
/** Resolves once the subscription listens (its stream was read once): no event is missed. */
const listening = deferred<void>();

beforeAll(async () => {
  db = await openDatabase(undefined);
  ({ data } = await seed(db, scaledSizes(TEST_SCALE)));
  const pubSub: BlogEvents = createPubSub();
  const events: BlogEvents = {
    publish: pubSub.publish,
    subscribe: ((routingKey: 'userRenamed') => {
      const stream = pubSub.subscribe(routingKey);
      const iterator = stream[Symbol.asyncIterator]();
      // Yoga's pub/sub adds its listener when the stream is first read.
      return Object.assign(Object.create(stream), {
        next: () => {
          const next = iterator.next();
          listening.resolve();
          return next;
        },
      });
    }) as BlogEvents['subscribe'],
  };
  server = createServer(createApp(db, 'batched', { logging: false, events }));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await db?.close();
});

const RENAME = 'mutation ($id: ID!, $name: String!) { renameUser(id: $id, name: $name) { name } }';

describe('blog: Subscription.userRenamed', () => {
  it('delivers each rename with the name the user has at that moment', async () => {
    const user = data.users[0];
    if (user === undefined) throw new Error('the seed has users');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { userRenamed { id name } }' }),
    });
    const next = sseReader(response);
    await bounded(listening.promise, 'the subscription to listen');
    const id = String(user.id);

    const first = await post(url, RENAME, { id, name: 'Ada' });
    expect(first.data).toEqual({ renameUser: { name: 'Ada' } });
    expect((await bounded(next(), 'the first event')).data).toEqual({
      data: { userRenamed: { id, name: 'Ada' } },
    });

    await post(url, RENAME, { id, name: 'Ada Lovelace' });
    expect((await bounded(next(), 'the second event')).data).toEqual({
      data: { userRenamed: { id, name: 'Ada Lovelace' } },
    });
  });
});
