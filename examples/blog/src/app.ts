// The blog's GraphQL server: a graphql-yoga app over the schema, with a fresh Dataloader and
// statement counter per request. The same app serves HTTP (serve.ts) and answers the demo query
// in-process (main.ts, through yoga.fetch), so both go through the same code path.
import { readFileSync } from 'node:fs';
import { useDataloader } from 'graphql-codegen-batch/envelop';
import {
  createPubSub,
  createSchema,
  createYoga,
  isAsyncIterable,
  type Plugin,
  type YogaServerOptions,
} from 'graphql-yoga';
import type { BlogEvents, Context } from './context.js';
import { CountingDb, type Db } from './db.js';
import { naiveResolvers } from './naive.js';
import { batchedResolvers } from './resolvers.js';
import { dataLoaderResolvers } from './with-dataloader.js';

/** The SDL the plugin read, as it is: it declares @batch itself. */
export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/**
 * `batched`: the generated @batch wrappers; `dataloader`: hand-written DataLoader resolvers
 * (with-dataloader.ts); `naive`: one query per field (naive.ts).
 */
export type ResolverSet = 'batched' | 'dataloader' | 'naive';

const resolverSets = {
  batched: batchedResolvers,
  dataloader: dataLoaderResolvers,
  naive: naiveResolvers,
} as const;

/** What every response carries in `extensions`: the request's own SQL and batch figures. */
export interface RequestStats {
  readonly sql: { readonly statements: number; readonly rows: number };
  readonly dataloader: { readonly batches: number; readonly keys: number; readonly rounds: number };
}

export interface AppOptions {
  /**
   * Where yoga logs (its `logging` option); the errors a client reads as "Unexpected error."
   * are logged there, with their message and stack. Default: the console.
   */
  readonly logging?: YogaServerOptions<object, Context>['logging'];
  /** The app's pub/sub (default: a new `createPubSub()`): apps that share one share events. */
  readonly events?: BlogEvents;
}

export function createApp(db: Db, resolverSet: ResolverSet = 'batched', options: AppOptions = {}) {
  const schema = createSchema<Context>({
    typeDefs,
    resolvers: resolverSets[resolverSet],
  });
  const events: BlogEvents = options.events ?? createPubSub();
  return createYoga({
    schema,
    context: () => ({ db: new CountingDb(db), events }),
    // A Dataloader per execution (and per subscription event) at context.dataloader, whose
    // Sources see this context.
    plugins: [useDataloader<Context>(), reportStats()],
    // Yoga's default error masking: a NOT_FOUND of the generated resolvers and the example's
    // BAD_USER_INPUT (errors.ts) are GraphQLErrors, shown as they are; anything else reaches the
    // client as "Unexpected error." and is logged.
    ...(options.logging === undefined ? {} : { logging: options.logging }),
  });
}

/** Adds `extensions: RequestStats` to each (non-streamed) result. */
function reportStats(): Plugin<Context> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        if (isAsyncIterable(result)) return;
        const { db, dataloader } = args.contextValue as Context;
        const { batches, keys, rounds } = dataloader.stats;
        const stats: RequestStats = {
          sql: { statements: db.statements, rows: db.rows },
          dataloader: { batches, keys, rounds },
        };
        setResult({ ...result, extensions: { ...result.extensions, ...stats } });
      },
    }),
  };
}
