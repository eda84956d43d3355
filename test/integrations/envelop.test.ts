// The Envelop plugin inside a real graphql-yoga server (requests through `yoga.fetch`).
import { type UseDataloaderOptions, useDataloader } from 'graphql-codegen-batch/envelop';
import { type BatchEvent, type Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { type Blog, blog, body, type GraphQLResponse, typeDefs } from './support.js';

function server(api: Blog, options?: UseDataloaderOptions, field?: string) {
  // Yoga's createSchema builds it with the graphql module Yoga itself loads (vitest would hand
  // this file graphql's ESM build, another realm).
  const schema = createSchema({ typeDefs, resolvers: api.resolvers(field) as never });
  const yoga = createYoga({
    schema,
    plugins: [useDataloader(options)],
    logging: false,
    maskedErrors: false,
  });
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(query, variables),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}

const POSTS = '{ posts(ids: ["10", "11", "12"]) { title author { name } } }';
const POSTS_DATA = {
  posts: [
    { title: 'Fibers', author: { name: 'Ada' } },
    { title: 'Generators', author: { name: 'Brian' } },
    { title: 'Batches', author: { name: 'Ada' } },
  ],
};

describe('useDataloader (graphql-yoga)', () => {
  it('gives each execution a fresh Dataloader: one fetch per level, and nothing cached across requests', async () => {
    const api = blog();
    const post = server(api);
    expect(await post(POSTS)).toEqual({ data: POSTS_DATA });
    expect(await post(POSTS)).toEqual({ data: POSTS_DATA });
    const once = [
      ['Posts', ['10', '11', '12']],
      ['Users', ['1', '2']],
    ];
    expect(api.log).toEqual([...once, ...once]);
    expect(await post('{ loaderKind }')).toEqual({ data: { loaderKind: 'Dataloader' } });
  });

  it('passes options through: async mode, maxConcurrency, per-request hooks from the context', async () => {
    const api = blog();
    const events: string[] = [];
    const post = server(api, {
      mode: 'async',
      options: (context) => ({
        maxConcurrency: 2,
        hooks: {
          onBatch: (e: BatchEvent) =>
            events.push(`${e.source.constructor.name} ${e.keys} for ${requestUrl(context)}`),
        },
      }),
    });
    expect(await post('{ loaderKind }')).toEqual({ data: { loaderKind: 'AsyncDataloader' } });
    expect(await post(POSTS)).toEqual({ data: POSTS_DATA });
    expect(events).toEqual([
      'Posts 10,11,12 for http://yoga/graphql',
      'Users 1,2 for http://yoga/graphql',
    ]);
  });

  it('puts the Dataloader at the configured context field', async () => {
    const api = blog();
    const post = server(api, { field: 'loader' }, 'loader');
    expect(await post(POSTS)).toEqual({ data: POSTS_DATA });
  });

  it('stats: batches, keys, rounds, cache hits and per-source counts in extensions', async () => {
    const api = blog();
    const post = server(api, { stats: true });
    const response = await post(`{ ${POSTS.slice(2, -2)} again: user(id: "1") { name } }`);
    expect(response.errors).toBeUndefined();
    // Round 1: Posts [10, 11, 12] and Users [1] (Query.user); round 2: Users [2] (1 is cached).
    expect(response.extensions).toEqual({
      dataloader: {
        batches: 3,
        keys: 5,
        rounds: 2,
        cacheHits: 2,
        sources: {
          Posts: { batches: 1, keys: 3, errors: 0 },
          Users: { batches: 2, keys: 2, errors: 0 },
        },
      },
    });
    const named = server(blog(), { stats: 'batching' });
    expect(Object.keys((await named('{ user(id: "2") { name } }')).extensions ?? {})).toEqual([
      'batching',
    ]);
    const off = server(blog());
    expect((await off('{ user(id: "2") { name } }')).extensions).toBeUndefined();
  });

  it('clears the cache between root mutation fields, so a mutation does not read a stale row', async () => {
    const mutation = `mutation {
      first: rename(id: "1", name: "Ada L.") { name }
      second: rename(id: "1", name: "Ada Lovelace") { name }
    }`;
    const api = blog();
    const post = server(api, { stats: true });
    const response = await post(mutation);
    expect(response.data).toEqual({
      first: { name: 'Ada L.' },
      second: { name: 'Ada Lovelace' },
    });
    // The second field starts with an empty cache, so it reads its own write.
    expect(api.log).toEqual([
      ['Users', ['1']],
      ['Users', ['1']],
    ]);
    expect(response.extensions?.dataloader).toMatchObject({ batches: 2, cacheHits: 0 });

    // Without clearing, the second field's read-back is the first field's row.
    const stale = blog();
    const noClear = server(stale, { clearCacheBetweenMutationFields: false });
    expect((await noClear(mutation)).data).toEqual({
      first: { name: 'Ada L.' },
      second: { name: 'Ada L.' },
    });
    expect(stale.log).toEqual([['Users', ['1']]]);
  });

  it('rejects bad options with messages that name the option and the value', () => {
    expect(() => useDataloader({ mode: 'parallel' as never })).toThrow(
      `useDataloader option mode must be 'sequential' or 'async', but got: "parallel".`,
    );
    expect(() => useDataloader({ options: { maxConcurrency: 4 } })).toThrow(
      `useDataloader option maxConcurrency applies to mode 'async' only, but mode is 'sequential' (maxConcurrency: 4).`,
    );
  });
});

describe('useDataloader: the Sources see the execution context', () => {
  interface Ctx {
    readonly tenant: string;
    readonly dataloader: Dataloader;
  }
  function tenantServer(options: UseDataloaderOptions<Ctx>) {
    const contexts: { resolver: unknown[]; source: unknown[] } = { resolver: [], source: [] };
    class Viewers extends Source<string, string, undefined, Ctx> {
      fetch(ids: string[]) {
        contexts.source.push(this.context);
        return ids.map((id) => `${this.context.tenant}:${id}`);
      }
    }
    const schema = createSchema<Ctx>({
      typeDefs: 'type Query { viewer(id: ID!): String! }',
      resolvers: {
        Query: {
          viewer: (_parent: unknown, args: { id: string }, ctx: Ctx) => {
            contexts.resolver.push(ctx);
            return ctx.dataloader.with(Viewers).load(args.id);
          },
        },
      },
    });
    const yoga = createYoga({
      schema,
      context: () => ({ tenant: 'acme' }),
      plugins: [useDataloader(options)],
      logging: false,
      maskedErrors: false,
    });
    const post = async (query: string) => {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(query),
      });
      return (await response.json()) as GraphQLResponse<unknown>;
    };
    return { post, contexts };
  }

  it.each(['sequential', 'async'] as const)(
    '%s: this.context is the object the resolvers receive, dataloader included',
    async (mode) => {
      const { post, contexts } = tenantServer({ mode });
      expect(await post('{ a: viewer(id: "1") b: viewer(id: "2") }')).toEqual({
        data: { a: 'acme:1', b: 'acme:2' },
      });
      expect(contexts.resolver).toHaveLength(2);
      expect(contexts.source).toHaveLength(1);
      const [resolverContext] = contexts.resolver as Ctx[];
      expect(contexts.resolver[1]).toBe(resolverContext);
      expect(contexts.source[0]).toBe(resolverContext);
      expect(resolverContext?.dataloader.context).toBe(resolverContext);
    },
  );

  it('a context given in options replaces the execution context', async () => {
    const { post, contexts } = tenantServer({ options: () => ({ context: { tenant: 'other' } }) });
    expect(await post('{ viewer(id: "1") }')).toEqual({ data: { viewer: 'other:1' } });
    expect(contexts.source).toEqual([{ tenant: 'other' }]);
  });
});

function requestUrl(context: Record<string, unknown>): string {
  return (context.request as Request).url;
}
