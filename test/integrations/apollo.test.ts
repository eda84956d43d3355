// The Apollo Server 5 recipe (README "Integrations"), as a user writes it, served on 127.0.0.1.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { requestAbortSignal } from 'graphql-codegen-batch/node';
import { Dataloader, Source } from 'graphql-codegen-batch/runtime';
import {
  clearCacheBetweenMutationFields,
  collectStats,
  jobResolver,
  type StatsCollector,
} from 'graphql-codegen-batch/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferred } from '../runtime/support.js';
import { blog, body, bounded, type GraphQLResponse, typeDefs } from './support.js';

// ---- The recipe -------------------------------------------------------------------------------
interface Context {
  dataloader: Dataloader;
  stats: StatsCollector;
}

/** Clears the cache between root mutation fields; reports batch statistics in `extensions`. */
const dataloaderPlugin: ApolloServerPlugin<Context> = {
  async serverWillStart() {
    return {
      schemaDidLoadOrUpdate({ apiSchema }) {
        clearCacheBetweenMutationFields(apiSchema);
      },
    };
  },
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          dataloader: contextValue.stats.read(contextValue.dataloader),
        };
      },
    };
  },
};
// -----------------------------------------------------------------------------------------------

describe('Apollo Server 5 recipe', () => {
  const api = blog();
  const slowStarted = deferred<AbortSignal>();
  const slowSawAbort = deferred<boolean>();
  class Slow extends Source<string, string> {
    async fetch(ids: string[]) {
      const signal = this.dataloader.signal as AbortSignal;
      slowStarted.resolve(signal);
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      slowSawAbort.resolve(signal.aborted);
      return ids.map(() => new Error('aborted'));
    }
  }
  let url: string;
  let server: ApolloServer<Context>;

  beforeAll(async () => {
    const resolvers = api.resolvers();
    server = new ApolloServer<Context>({
      typeDefs: `${typeDefs} extend type Query { slow: String }`,
      resolvers: {
        ...resolvers,
        Query: {
          ...resolvers.Query,
          slow: jobResolver(function* (_: unknown, _args: unknown, ctx: Context) {
            return yield* ctx.dataloader.with(Slow).load('x');
          }),
        },
      } as never,
      plugins: [dataloaderPlugin],
    });
    ({ url } = await startStandaloneServer(server, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req, res }) => {
        const stats = collectStats();
        const dataloader = new Dataloader({
          signal: requestAbortSignal(req, res),
          hooks: stats.hooks,
        });
        return { dataloader, stats };
      },
    }));
  });
  afterAll(async () => {
    await server.stop();
  });

  const post = async (query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(query),
    });
    return (await response.json()) as GraphQLResponse;
  };

  it('batches each level, reports stats, and clears the cache between mutation fields', async () => {
    api.log.length = 0;
    const query = await post('{ posts(ids: ["10", "11"]) { title author { name } } }');
    expect(query.data).toEqual({
      posts: [
        { title: 'Fibers', author: { name: 'Ada' } },
        { title: 'Generators', author: { name: 'Brian' } },
      ],
    });
    expect(query.extensions?.dataloader).toEqual({
      batches: 2,
      keys: 4,
      rounds: 2,
      cacheHits: 0,
      sources: {
        Posts: { batches: 1, keys: 2, errors: 0 },
        Users: { batches: 1, keys: 2, errors: 0 },
      },
    });
    const mutation = await post(`mutation {
      a: rename(id: "2", name: "Brian K.") { name }
      b: rename(id: "2", name: "Brian Kernighan") { name }
    }`);
    expect(mutation.data).toEqual({ a: { name: 'Brian K.' }, b: { name: 'Brian Kernighan' } });
    expect(api.log).toEqual([
      ['Posts', ['10', '11']],
      ['Users', ['1', '2']],
      ['Users', ['2']],
      ['Users', ['2']],
    ]);
  });

  it('a client that hangs up aborts the request’s Dataloader (requestAbortSignal)', async () => {
    const client = new AbortController();
    const response = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('{ slow }'),
      signal: client.signal,
    });
    response.catch(() => undefined);
    const signal = await bounded(slowStarted.promise, 'the slow fetch to start');
    expect(signal.aborted).toBe(false);
    client.abort();
    expect(await bounded(slowSawAbort.promise, 'the fetch to see the abort')).toBe(true);
    expect((signal.reason as Error).message).toBe('The client closed the connection (POST /).');
  });
});
