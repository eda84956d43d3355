// A subscription over HTTP (graphql-yoga's server-sent events, on 127.0.0.1): useDataloader gives
// each event a Dataloader of its own, so a value that changed between two events is read again.
import type { Server } from 'node:http';
import { useDataloader } from 'graphql-codegen-batch/envelop';
import { Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { afterEach, describe, expect, it } from 'vitest';
import { deferred } from '../runtime/support.js';
import { body, bounded, close, listen, sseReader } from './support.js';

interface UserRow {
  id: number;
  name: string;
}

/** A stream whose events the test pushes; pushed events wait until they are read. */
function channel<T>() {
  const buffered: T[] = [];
  const readers: ((result: IteratorResult<T>) => void)[] = [];
  let ended = false;
  const iterator: AsyncIterableIterator<T> = {
    next() {
      const value = buffered.shift();
      if (value !== undefined) return Promise.resolve({ done: false, value });
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve) => readers.push(resolve));
    },
    return() {
      ended = true;
      for (const read of readers.splice(0)) read({ done: true, value: undefined });
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return {
    iterator,
    push(value: T) {
      const read = readers.shift();
      if (read) read({ done: false, value });
      else buffered.push(value);
    },
    end() {
      iterator.return?.();
    },
  };
}

const typeDefs = /* GraphQL */ `
  type User {
    id: ID!
    name: String!
  }
  type Post {
    id: ID!
    author: User!
  }
  type Query {
    ping: Boolean
  }
  type Subscription {
    postEdited: Post!
  }
`;

let server: Server | undefined;
afterEach(async () => {
  if (server) await close(server);
  server = undefined;
});

/** The server: Users read a table the test edits; each event is a post of user 1. */
async function start(plugins: Plugin[], context?: () => object) {
  const users = new Map<number, UserRow>([[1, { id: 1, name: 'Ada' }]]);
  const log: [string, number[]][] = [];
  class Users extends Source<number, UserRow | null> {
    async fetch(ids: number[]) {
      log.push(['Users', [...ids]]);
      return ids.map((id) => ({ ...(users.get(id) as UserRow) }));
    }
  }
  const events = channel<{ postEdited: { id: string; authorId: number } }>();
  const subscribed = deferred<void>();
  const schema = createSchema<{ dataloader: Dataloader }>({
    typeDefs,
    resolvers: {
      Subscription: {
        postEdited: {
          subscribe: () => {
            subscribed.resolve();
            return events.iterator;
          },
        },
      },
      Post: {
        author: (post: { authorId: number }, _args, ctx) =>
          ctx.dataloader.with(Users).load(post.authorId),
      },
    },
  });
  const yoga = createYoga({
    schema,
    plugins,
    logging: false,
    ...(context ? { context } : {}),
  });
  const listening = await listen(yoga);
  server = listening.server;
  const response = await fetch(listening.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: body('subscription { postEdited { id author { name } } }'),
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const next = sseReader(response);
  await bounded(subscribed.promise, 'the subscribe resolver');
  return { users, log, events, next };
}

describe('useDataloader: subscriptions', () => {
  it('each event reads through a fresh Dataloader: a rename between events shows in the next', async () => {
    const { users, log, events, next } = await start([useDataloader({ stats: true })]);
    events.push({ postEdited: { id: 'p1', authorId: 1 } });
    const first = await bounded(next(), 'the first event');
    expect(first).toEqual({
      event: 'next',
      data: {
        data: { postEdited: { id: 'p1', author: { name: 'Ada' } } },
        extensions: {
          dataloader: {
            batches: 1,
            keys: 1,
            rounds: 1,
            cacheHits: 0,
            sources: { Users: { batches: 1, keys: 1, errors: 0 } },
          },
        },
      },
    });
    users.set(1, { id: 1, name: 'Ada Lovelace' });
    events.push({ postEdited: { id: 'p2', authorId: 1 } });
    const second = await bounded(next(), 'the second event');
    expect(second.data).toMatchObject({
      data: { postEdited: { id: 'p2', author: { name: 'Ada Lovelace' } } },
      extensions: { dataloader: { batches: 1, keys: 1, cacheHits: 0 } },
    });
    expect(log).toEqual([
      ['Users', [1]],
      ['Users', [1]],
    ]);
    events.end();
    expect(await bounded(next(), 'the end of the stream')).toEqual({
      event: 'complete',
      data: undefined,
    });
  });

  it('one Dataloader put on the context by hand serves the second event from its cache', async () => {
    const { users, log, events, next } = await start([], () => ({ dataloader: new Dataloader() }));
    events.push({ postEdited: { id: 'p1', authorId: 1 } });
    expect((await bounded(next(), 'the first event')).data).toEqual({
      data: { postEdited: { id: 'p1', author: { name: 'Ada' } } },
    });
    users.set(1, { id: 1, name: 'Ada Lovelace' });
    events.push({ postEdited: { id: 'p2', authorId: 1 } });
    expect((await bounded(next(), 'the second event')).data).toEqual({
      data: { postEdited: { id: 'p2', author: { name: 'Ada' } } },
    });
    expect(log).toEqual([['Users', [1]]]);
    events.end();
  });
});
