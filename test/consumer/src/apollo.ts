// The library under Apollo Server 5: the package's Apollo plugin gives each operation a fresh
// Dataloader created with the operation's context (so Sources read `this.context.db`), clears
// its cache between root mutation fields and reports batch statistics; `reportFetches` adds the
// request's query log to the response.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { dataloaderPlugin } from 'graphql-codegen-batch/apollo';
import type { Context } from './context.js';
import { LibraryDb, type Tables } from './data.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

/** Serves the library on 127.0.0.1 (port 0: a free one); returns its URL and how to stop it. */
export async function startLibraryApollo(tables: Tables) {
  const batching = dataloaderPlugin<Context>({ stats: true });
  const server = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    plugins: [batching, reportFetches],
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    // `batching.context` adds the Dataloader (and aborts it when the client goes away).
    context: batching.context(async () => ({ db: new LibraryDb(tables) })),
  });
  return { url, stop: () => server.stop() };
}

/** Adds `extensions.fetches`: every query the request made, in order. */
const reportFetches: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, fetches: contextValue.db.log };
      },
    };
  },
};
