// The library under graphql-yoga: useDataloader gives each execution a fresh Dataloader on the
// context (created with that context, so Sources read `this.context.db`) and reports its batch
// statistics; `reportFetches` adds the request's query log to the response.
import { useDataloader } from 'graphql-codegen-batch/envelop';
import { createSchema, createYoga, isAsyncIterable, maskError, type Plugin } from 'graphql-yoga';
import type { Context } from './context.js';
import { LibraryDb, type Tables } from './data.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

export function createLibraryYoga(tables: Tables) {
  return createYoga({
    schema: createSchema<Context>({ typeDefs, resolvers }),
    context: () => ({ db: new LibraryDb(tables) }),
    plugins: [useDataloader<Context>({ stats: true }), reportFetches()],
    // Yoga hides the message of every error that is not a GraphQLError. A NOT_FOUND is part of
    // the API (the schema's nullability promises the entity), so it goes through.
    maskedErrors: {
      maskError: (error, message, isDev) =>
        codeOf(error) === 'NOT_FOUND' ? (error as Error) : maskError(error, message, isDev),
    },
    logging: false,
  });
}

/** Adds `extensions.fetches`: every query the request made, in order. */
function reportFetches(): Plugin<Context> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        if (isAsyncIterable(result)) return;
        const { db } = args.contextValue as Context;
        setResult({ ...result, extensions: { ...result.extensions, fetches: db.log } });
      },
    }),
  };
}

function codeOf(error: unknown): unknown {
  return (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
}
