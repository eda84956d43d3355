// The blog's GraphQL server: a graphql-yoga app over the schema, with a fresh Dataloader and
// statement counter per request. The same app serves HTTP (serve.ts) and answers the demo query
// in-process (main.ts, through yoga.fetch), so both go through the same code path.
import { readFileSync } from 'node:fs';
import { useDataloader } from 'graphql-codegen-batch/envelop';
import { createSchema, createYoga, isAsyncIterable, maskError, type Plugin } from 'graphql-yoga';
import type { Context } from './context.js';
import { CountingDb, type Db } from './db.js';
import { naiveResolvers } from './naive.js';
import { batchedResolvers } from './resolvers.js';

/** The SDL the plugin read, as it is: it declares @batch itself. */
export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** `batched`: the generated @batch wrappers; `naive`: one query per field (naive.ts). */
export type ResolverSet = 'batched' | 'naive';

/** What every response carries in `extensions`: the request's own SQL and batch figures. */
export interface RequestStats {
  readonly sql: { readonly statements: number; readonly rows: number };
  readonly dataloader: { readonly batches: number; readonly keys: number; readonly rounds: number };
}

export function createApp(db: Db, resolverSet: ResolverSet = 'batched') {
  const schema = createSchema<Context>({
    typeDefs,
    resolvers: resolverSet === 'batched' ? batchedResolvers : naiveResolvers,
  });
  return createYoga({
    schema,
    context: () => ({ db: new CountingDb(db) }),
    // A Dataloader per execution at context.dataloader, whose Sources see this context.
    plugins: [useDataloader<Context>(), reportStats()],
    // Yoga hides the message of every error that is not a GraphQLError. A NOT_FOUND is part of
    // the API (the schema's nullability promises it), so it goes through; the rest stay masked.
    maskedErrors: {
      maskError: (error, message, isDev) =>
        isNotFound(error) ? (error as Error) : maskError(error, message, isDev),
    },
    logging: false,
  });
}

function isNotFound(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown } } | null)?.extensions;
  return extensions?.code === 'NOT_FOUND';
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
