// dataloaderPlugin (graphql-codegen-batch/apollo) inside a real Apollo Server 5, over HTTP on
// 127.0.0.1. The block between the recipe markers is quoted in README "Apollo Server 5"
// (apollo-readme.test.ts checks it).
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { DataloaderPlugin } from 'graphql-codegen-batch/apollo';
import { dataloaderPlugin } from 'graphql-codegen-batch/apollo';
import { Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { jobResolver } from 'graphql-codegen-batch/server';
import { afterAll, describe, expect, it } from 'vitest';
import { deferred } from '../runtime/support.js';
import { bounded, type GraphQLResponse } from './support.js';

// A bank of two accounts; `log` records each fetch with the user of the context it ran for.
const log: [string, string[], string][] = [];
const rows = new Map<string, { id: string; balance: number }>();
const resetBank = () => {
  log.length = 0;
  rows.set('1', { id: '1', balance: 1375 });
  rows.set('2', { id: '2', balance: 40 });
};
const slowStarted = deferred<AbortSignal>();
const slowSawAbort = deferred<boolean>();

const typeDefs = /* GraphQL */ `
  type Account {
    id: ID!
    balance: Int!
  }
  type Query {
    account(id: ID!): Account
    accounts(ids: [ID!]!): [Account]!
    loaderKind: String!
    sourcesSeeThisContext: Boolean!
    slow: String
  }
  type Mutation {
    deposit(id: ID!, amount: Int!): Account!
  }
`;

// ---- recipe -----------------------------------------------------------------------------------
interface Context {
  user: string;
  dataloader: Dataloader;
}

class Accounts extends Source<string, { id: string; balance: number } | null, undefined, Context> {
  async fetch(ids: string[]) {
    log.push(['Accounts', ids, this.context.user]);
    return ids.map((id) => {
      const row = rows.get(id);
      return row ? { ...row } : null;
    });
  }
}

const resolvers = {
  Query: {
    account: jobResolver(function* (_: unknown, args: { id: string }, ctx: Context) {
      return yield* ctx.dataloader.with(Accounts).load(args.id);
    }),
    accounts: jobResolver(function* (_: unknown, args: { ids: string[] }, ctx: Context) {
      return yield* ctx.dataloader.with(Accounts).loadAll(args.ids);
    }),
    loaderKind: (_: unknown, _args: unknown, ctx: Context) => ctx.dataloader.constructor.name,
    sourcesSeeThisContext: (_: unknown, _args: unknown, ctx: Context) =>
      ctx.dataloader.context === ctx,
    slow: jobResolver(function* (_: unknown, _args: unknown, ctx: Context) {
      return yield* ctx.dataloader.with(Slow).load('x');
    }),
  },
  Mutation: {
    // Writes, then reads the row back through the Dataloader.
    deposit: jobResolver(function* (
      _: unknown,
      args: { id: string; amount: number },
      ctx: Context,
    ) {
      const row = rows.get(args.id);
      if (!row) throw new Error(`No account ${args.id}`);
      rows.set(args.id, { id: args.id, balance: row.balance + args.amount });
      const account = yield* ctx.dataloader.with(Accounts).load(args.id);
      if (!account) throw new Error(`No account ${args.id}`);
      return account;
    }),
  },
};

const batching = dataloaderPlugin({ stats: true });
const server = new ApolloServer<Context>({ typeDefs, resolvers, plugins: [batching] });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  context: batching.context(async ({ req }) => ({ user: String(req.headers['x-user']) })),
});
// ---- end of recipe ----------------------------------------------------------------------------

/** The recipe's server with other plugin options. */
async function serve(plugin: DataloaderPlugin<Context>) {
  const server = new ApolloServer<Context>({ typeDefs, resolvers, plugins: [plugin] });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: plugin.context(async ({ req }) => ({ user: String(req.headers['x-user']) })),
  });
  return { server, url };
}

class Slow extends Source<string, string> {
  async fetch(ids: string[]) {
    const signal = this.dataloader.signal as AbortSignal;
    slowStarted.resolve(signal);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    slowSawAbort.resolve(signal.aborted);
    return ids.map(() => new Error('aborted'));
  }
}

function client(url: string) {
  return async (query: string, user = 'ada', init: RequestInit = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': user },
      body: JSON.stringify({ query }),
      ...init,
    });
    return (await response.json()) as GraphQLResponse;
  };
}

const TWO_DEPOSITS = `mutation {
  first: deposit(id: "1", amount: 1000) { balance }
  second: deposit(id: "1", amount: 915) { balance }
}`;

describe('dataloaderPlugin (Apollo Server 5 over HTTP)', () => {
  const post = client(url);
  afterAll(() => server.stop());

  it('gives each request its own Dataloader, created with its context: one fetch per level, nothing cached across requests', async () => {
    resetBank();
    const query = '{ accounts(ids: ["1", "2", "1"]) { balance } }';
    const data = { accounts: [{ balance: 1375 }, { balance: 40 }, { balance: 1375 }] };
    expect((await post(query, 'ada')).data).toEqual(data);
    expect((await post(query, 'brian')).data).toEqual(data);
    expect(log).toEqual([
      ['Accounts', ['1', '2'], 'ada'],
      ['Accounts', ['1', '2'], 'brian'],
    ]);
    expect((await post('{ loaderKind sourcesSeeThisContext }')).data).toEqual({
      loaderKind: 'Dataloader',
      sourcesSeeThisContext: true,
    });
  });

  it('reports the operation’s batch statistics in extensions.dataloader', async () => {
    resetBank();
    const response = await post(
      '{ a: account(id: "1") { balance } b: accounts(ids: ["1", "2"]) { id } }',
    );
    expect(response).toEqual({
      data: { a: { balance: 1375 }, b: [{ id: '1' }, { id: '2' }] },
      extensions: {
        dataloader: {
          batches: 1,
          keys: 2,
          rounds: 1,
          cacheHits: 0,
          sources: { Accounts: { batches: 1, keys: 2, errors: 0 } },
        },
      },
    });
  });

  it('a mutation followed by a read: each mutation field reads the row as it now is', async () => {
    resetBank();
    const mutation = await post(TWO_DEPOSITS);
    expect(mutation.data).toEqual({ first: { balance: 2375 }, second: { balance: 3290 } });
    const read = await post('{ account(id: "1") { balance } }');
    expect(read.data).toEqual({ account: { balance: 3290 } });
    expect(log).toEqual([
      ['Accounts', ['1'], 'ada'],
      ['Accounts', ['1'], 'ada'],
      ['Accounts', ['1'], 'ada'],
    ]);
  });

  it('adds no statistics to a response whose operation never executed', async () => {
    const response = await post('{ nope }');
    expect(response.extensions).toBeUndefined();
    expect(response.errors?.map((e) => e.message)).toEqual([
      'Cannot query field "nope" on type "Query".',
    ]);
  });

  it('a client that hangs up aborts its request’s Dataloader', async () => {
    const abort = new AbortController();
    const response = post('{ slow }', 'ada', { signal: abort.signal });
    response.catch(() => undefined);
    const signal = await bounded(slowStarted.promise, 'the slow fetch to start');
    expect(signal.aborted).toBe(false);
    abort.abort();
    expect(await bounded(slowSawAbort.promise, 'the fetch to see the abort')).toBe(true);
    expect((signal.reason as Error).message).toBe('The client closed the connection (POST /).');
  });
});

describe('without the plugin: the per-request Dataloader of a hand-written context', () => {
  it('serves the second mutation field the balance cached by the first (stale)', async () => {
    resetBank();
    const server = new ApolloServer<Context>({ typeDefs, resolvers });
    const { url } = await startStandaloneServer(server, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => {
        const user = String(req.headers['x-user']);
        return { user, dataloader: new Dataloader({ context: { user } }) };
      },
    });
    try {
      const mutation = await client(url)(TWO_DEPOSITS);
      expect(mutation.data).toEqual({ first: { balance: 2375 }, second: { balance: 2375 } });
      expect(rows.get('1')).toEqual({ id: '1', balance: 3290 });
      expect(log).toEqual([['Accounts', ['1'], 'ada']]);
    } finally {
      await server.stop();
    }
  });
});

describe('dataloaderPlugin options', () => {
  const withServer = async (
    plugin: DataloaderPlugin<Context>,
    run: (post: ReturnType<typeof client>) => Promise<void>,
  ) => {
    const { server, url } = await serve(plugin);
    try {
      await run(client(url));
    } finally {
      await server.stop();
    }
  };

  it('options(context) runs once per request with that request’s context', async () => {
    resetBank();
    const seen: string[] = [];
    const plugin = dataloaderPlugin({
      options: (context: Context) => {
        seen.push(`options for ${context.user}`);
        return { hooks: { onBatch: (e) => seen.push(`${e.keys} for ${context.user}`) } };
      },
    });
    await withServer(plugin, async (post) => {
      expect((await post('{ account(id: "1") { balance } }', 'ada')).data).toEqual({
        account: { balance: 1375 },
      });
      expect((await post('{ account(id: "2") { balance } }', 'brian')).data).toEqual({
        account: { balance: 40 },
      });
    });
    expect(seen).toEqual(['options for ada', '1 for ada', 'options for brian', '2 for brian']);
  });

  it('HTTP-batched operations get a Dataloader each, made with their own copy of the context', async () => {
    resetBank();
    const plugin = dataloaderPlugin<Context>({ stats: 'batches' });
    const server = new ApolloServer<Context>({
      typeDefs,
      resolvers,
      plugins: [plugin],
      allowBatchedHttpRequests: true,
    });
    const { url } = await startStandaloneServer(server, {
      listen: { port: 0, host: '127.0.0.1' },
      context: plugin.context(async () => ({ user: 'ada' })),
    });
    try {
      const query = '{ account(id: "1") { balance } sourcesSeeThisContext }';
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ query }, { query }]),
      });
      const one = {
        data: { account: { balance: 1375 }, sourcesSeeThisContext: true },
        extensions: {
          batches: {
            batches: 1,
            keys: 1,
            rounds: 1,
            cacheHits: 0,
            sources: { Accounts: { batches: 1, keys: 1, errors: 0 } },
          },
        },
      };
      expect(await response.json()).toEqual([one, one]);
      expect(log).toEqual([
        ['Accounts', ['1'], 'ada'],
        ['Accounts', ['1'], 'ada'],
      ]);
    } finally {
      await server.stop();
    }
  });

  it('mode async: an AsyncDataloader, maxConcurrency passed through', async () => {
    const plugin = dataloaderPlugin<Context>({ mode: 'async', options: { maxConcurrency: 2 } });
    await withServer(plugin, async (post) => {
      expect((await post('{ loaderKind }')).data).toEqual({ loaderKind: 'AsyncDataloader' });
    });
  });

  it('clearCacheBetweenMutationFields: false keeps the cache across mutation fields', async () => {
    resetBank();
    const plugin = dataloaderPlugin<Context>({ clearCacheBetweenMutationFields: false });
    await withServer(plugin, async (post) => {
      expect((await post(TWO_DEPOSITS)).data).toEqual({
        first: { balance: 2375 },
        second: { balance: 2375 },
      });
    });
  });

  it('rejects a bad mode or field, and maxConcurrency without mode async, naming the option', () => {
    expect(() => dataloaderPlugin({ mode: 'parallel' as never })).toThrow(
      new TypeError(
        `dataloaderPlugin option mode must be 'sequential' or 'async', but got: "parallel".`,
      ),
    );
    expect(() => dataloaderPlugin({ field: '' })).toThrow(
      new TypeError(
        'dataloaderPlugin option field must be a non-empty string (the context field), but got: "".',
      ),
    );
    expect(() => dataloaderPlugin({ options: { maxConcurrency: 4 } })).toThrow(
      new TypeError(
        `dataloaderPlugin option maxConcurrency applies to mode 'async' only, but mode is 'sequential' (maxConcurrency: 4).`,
      ),
    );
  });

  it('context(fn) rejects what is not a context function, and a result that is not an object', async () => {
    const plugin = dataloaderPlugin();
    expect(() => plugin.context('user' as never)).toThrow(
      new TypeError('dataloaderPlugin().context(fn) takes your context function, but got: "user".'),
    );
    await plugin.serverWillStart?.({} as never);
    await expect(plugin.context(async () => null as never)()).rejects.toThrow(
      new TypeError(
        'The context function given to dataloaderPlugin().context() must return an object, but returned: null.',
      ),
    );
  });

  it('its context function fails the request, saying what to add, when the plugin is not installed', async () => {
    const plugin = dataloaderPlugin<Context>();
    const server = new ApolloServer<Context>({ typeDefs, resolvers });
    const { url } = await startStandaloneServer(server, {
      listen: { port: 0, host: '127.0.0.1' },
      context: plugin.context(async () => ({ user: 'ada' })),
    });
    try {
      const response = await client(url)('{ loaderKind }');
      expect(response.errors?.map((e) => e.message)).toEqual([
        "Context creation failed: dataloaderPlugin().context(…) ran for a request, but that plugin is not in the server's plugins, so no Dataloader would be put at context.dataloader. Add it: new ApolloServer({ …, plugins: [theSamePlugin] }).",
      ]);
    } finally {
      await server.stop();
    }
  });
});
