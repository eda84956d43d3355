// The library under graphql-yoga: useDataloader gives each execution a fresh Dataloader on the
// context (created with that context, so Sources read `this.context.db`) and reports its batch
// statistics; `reportFetches` adds the request's query log to the response.
import { useDataloader } from 'graphql-codegen-batch/envelop';
import { createSchema, createYoga, isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from './context.js';
import { LibraryDb, type Tables } from './data.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

export function createLibraryYoga(tables: Tables) {
  return createYoga({
    schema: createSchema<Context>({ typeDefs, resolvers }),
    context: () => ({ db: new LibraryDb(tables) }),
    plugins: [useDataloader<Context>({ stats: true }), reportFetches()],
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
