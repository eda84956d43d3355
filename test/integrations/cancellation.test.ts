// Cancellation end to end, over a real HTTP connection to graphql-yoga on 127.0.0.1: the client
// aborts; the server's request signal aborts the request's Dataloader; the fetch in flight sees
// `this.dataloader.signal` aborted; no further fetch starts.
import type { Server } from 'node:http';
import { useDataloader } from 'graphql-codegen-batch/envelop';
import { type Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { jobResolver } from 'graphql-codegen-batch/server';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferred, type Log, modes } from '../runtime/support.js';
import { body, bounded, close, listen } from './support.js';

interface Ctx {
  dataloader: Dataloader;
}

describe.each(modes)('$name: an aborted HTTP request', (mode) => {
  const log: Log = [];
  // Sequential mode, and async mode bounded to one batch, fetch one batch at a time.
  const bounded1 = mode.name.includes('maxConcurrency: 1');
  const oneAtATime = !mode.parallel || bounded1;
  let fetchStarted = deferred<AbortSignal>();
  let fetchSawAbort = deferred<{ aborted: boolean; reason: unknown }>();
  let executionDone = deferred<void>();
  let release = deferred<void>();
  let server: Server;
  let url: string;

  class SlowPosts extends Source<string, { id: string; authorId: string }> {
    async fetch(ids: string[]) {
      log.push(['SlowPosts', ids]);
      const signal = this.dataloader.signal as AbortSignal;
      fetchStarted.resolve(signal);
      // A database driver would pass the signal to its query; this one waits for the abort,
      // or for the test to let it answer.
      const aborted = new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      await Promise.race([aborted, release.promise]);
      if (!signal.aborted) return ids.map((id) => ({ id, authorId: `a${id}` }));
      fetchSawAbort.resolve({ aborted: signal.aborted, reason: signal.reason });
      throw signal.reason;
    }
  }
  class Users extends Source<string, { name: string }> {
    async fetch(ids: string[]) {
      log.push(['Users', ids]);
      return ids.map((id) => ({ name: `user${id}` }));
    }
  }

  beforeAll(async () => {
    const schema = createSchema<Ctx>({
      typeDefs: `type User { name: String! }
          type Post { id: ID! author: User! }
          type Query { posts(ids: [ID!]!): [Post!]! user(id: ID!): User! }`,
      resolvers: {
        Query: {
          posts: jobResolver(function* (_: unknown, args: { ids: string[] }, ctx: Ctx) {
            return yield* ctx.dataloader.with(SlowPosts).loadAll(args.ids);
          }),
          user: jobResolver(function* (_: unknown, args: { id: string }, ctx: Ctx) {
            return yield* ctx.dataloader.with(Users).load(args.id);
          }),
        },
        Post: {
          author: jobResolver(function* (post: { authorId: string }, _: unknown, ctx: Ctx) {
            return yield* ctx.dataloader.with(Users).load(post.authorId);
          }),
        },
      },
    });
    const yoga = createYoga({
      schema,
      logging: false,
      plugins: [
        useDataloader(
          mode.parallel
            ? { mode: 'async', options: bounded1 ? { maxConcurrency: 1 } : {} }
            : { mode: 'sequential' },
        ),
        { onExecute: () => ({ onExecuteDone: () => executionDone.resolve() }) },
      ],
    });
    ({ server, url } = await listen(yoga));
  });
  afterAll(() => close(server));

  it('aborts the Dataloader: the fetch in flight sees its signal aborted, no later fetch starts', async () => {
    log.length = 0;
    fetchStarted = deferred();
    fetchSawAbort = deferred();
    executionDone = deferred();
    const client = new AbortController();
    const response = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('{ posts(ids: ["1", "2"]) { id author { name } } user(id: "9") { name } }'),
      signal: client.signal,
    });
    response.catch(() => undefined);
    const serverSignal = await bounded(fetchStarted.promise, 'the first fetch to start');
    expect(serverSignal.aborted).toBe(false);

    client.abort();
    await expect(response).rejects.toThrow(/abort/i);
    const seen = await bounded(fetchSawAbort.promise, 'the fetch to see the abort');
    expect(seen.aborted).toBe(true);
    await bounded(executionDone.promise, 'the execution to finish');
    // One batch at a time: Users [9] was still waiting for its turn when the request was
    // aborted, and never starts; unbounded async mode had started both at once. Posts were
    // never delivered, so no author was ever asked for.
    expect(log).toEqual(
      oneAtATime
        ? [['SlowPosts', ['1', '2']]]
        : [
            ['SlowPosts', ['1', '2']],
            ['Users', ['9']],
          ],
    );
  });

  it('a request that completes is not aborted, and loads every level', async () => {
    log.length = 0;
    fetchStarted = deferred();
    executionDone = deferred();
    release = deferred();
    const response = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('{ posts(ids: ["3"]) { id author { name } } }'),
    });
    const signal = await bounded(fetchStarted.promise, 'the fetch to start');
    release.resolve();
    const json = await (await response).json();
    expect(json).toEqual({ data: { posts: [{ id: '3', author: { name: 'usera3' } }] } });
    expect(log).toEqual([
      ['SlowPosts', ['3']],
      ['Users', ['a3']],
    ]);
    expect(signal.aborted).toBe(false);
  });
});
