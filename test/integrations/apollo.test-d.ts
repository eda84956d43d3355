// The Context typing of dataloaderPlugin under Apollo Server 5's typed context functions: the
// wrapped context function's result includes the Dataloader, with no cast in user code.
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { dataloaderPlugin, type WithDataloader } from 'graphql-codegen-batch/apollo';
import type { Dataloader } from 'graphql-codegen-batch/runtime';
import { describe, expectTypeOf, it } from 'vitest';

interface Context {
  user: string;
  dataloader: Dataloader;
}

declare const typeDefs: string;

describe('dataloaderPlugin typing', () => {
  it('types the context function’s arguments from the integration and adds the Dataloader', async () => {
    const batching = dataloaderPlugin({ stats: true });
    const server = new ApolloServer<Context>({ typeDefs, plugins: [batching] });
    await startStandaloneServer(server, {
      context: batching.context(async ({ req }) => {
        expectTypeOf(req).toEqualTypeOf<IncomingMessage>();
        return { user: String(req.headers['x-user']) };
      }),
    });
    const wrapped = batching.context((_: { req: IncomingMessage }) => ({ user: 'ada' }));
    expectTypeOf(wrapped).returns.resolves.toEqualTypeOf<
      { user: string } & { dataloader: Dataloader }
    >();
    expectTypeOf(batching.context()).returns.resolves.toEqualTypeOf<WithDataloader<{}>>();
  });

  it('without the wrapper, a context function that returns no Dataloader does not type-check', async () => {
    const server = new ApolloServer<Context>({ typeDefs, plugins: [dataloaderPlugin()] });
    // @ts-expect-error Property 'dataloader' is missing in type '{ user: string; }'
    await startStandaloneServer(server, {
      context: async () => ({ user: 'ada' }),
    });
  });

  it('a custom field is the key of the Dataloader in the context type', () => {
    const batching = dataloaderPlugin({ field: 'loader' });
    expectTypeOf(batching.context(() => ({ user: 'ada' }))).returns.resolves.toEqualTypeOf<
      { user: string } & { loader: Dataloader }
    >();
  });

  it('options(context) receives the context type it is given', () => {
    dataloaderPlugin({
      options: (context: Context) => {
        expectTypeOf(context.user).toEqualTypeOf<string>();
        return {};
      },
    });
    dataloaderPlugin<Context>({
      mode: 'async',
      options: (context) => {
        expectTypeOf(context).toEqualTypeOf<Context>();
        return { maxConcurrency: 4 };
      },
    });
  });
});
