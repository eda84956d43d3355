// Two Apollo Federation subgraphs built from the federation fixtures' generated code, each an
// Apollo Server 5 on 127.0.0.1 with @apollo/subgraph's schema, and a real @apollo/gateway that
// composes them (IntrospectAndCompose: it reads each subgraph's SDL over HTTP). `log` records,
// per subgraph, each request the gateway sends and each fetch of a Source.
import { readFileSync } from 'node:fs';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import {
  ApolloServer,
  type ApolloServerOptionsWithGateway,
  type BaseContext,
  type GraphQLRequestContext,
} from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import { dataloaderPlugin } from 'graphql-codegen-batch/apollo';
import { batchDirectiveSDL, orderByKeys } from 'graphql-codegen-batch/runtime';
import type { CatalogDb } from '../../fixtures/federation-catalog/context.js';
import * as catalog from '../../fixtures/federation-catalog/generated/graphql.js';
import type { PeopleDb } from '../../fixtures/federation-people/context.js';
import * as people from '../../fixtures/federation-people/generated/graphql.js';

const sdl = (name: string) =>
  readFileSync(
    new URL(`../../fixtures/federation-${name}/schema.graphql`, import.meta.url),
    'utf8',
  );

// ---- the people subgraph ------------------------------------------------------------------------
class Users extends people.UserSource {
  fetch(ids: string[]) {
    this.context.db.log.push(`User [${ids.join(', ')}]`);
    return orderByKeys(ids, this.context.db.users, (user) => user.id);
  }
}

class Teams extends people.TeamSource {
  fetch(ids: string[]) {
    this.context.db.log.push(`Team [${ids.join(', ')}]`);
    return orderByKeys(ids, this.context.db.teams, (team) => team.id);
  }
}

const peopleBatch = people.createBatchResolvers({ User: Users, Team: Teams });
const peopleResolvers: people.Resolvers = {
  ...peopleBatch,
  User: {
    ...peopleBatch.User,
    // A reference to the catalog's Post: its representation, which the gateway resolves there.
    pinned: (user) => (user.pinnedPostId === null ? null : { id: user.pinnedPostId }),
  },
};

// ---- the catalog subgraph -----------------------------------------------------------------------
class Posts extends catalog.PostSource {
  fetch(ids: string[]) {
    this.context.db.log.push(`Post [${ids.join(', ')}]`);
    return orderByKeys(ids, this.context.db.posts, (post) => post.id);
  }
}

const catalogBatch = catalog.createBatchResolvers({ Post: Posts });
const catalogResolvers: catalog.Resolvers = {
  ...catalogBatch,
  Query: {
    ...catalogBatch.Query,
    posts: (_parent, { first }, ctx) => ctx.db.posts.slice(0, first),
  },
  Post: {
    ...catalogBatch.Post,
    author: (post) => ({ id: post.authorId }),
    team: (post) => ({ id: post.teamId }),
  },
};
// ---- end of the subgraphs -------------------------------------------------------------------------

/**
 * One line per request the gateway sends: its root field, the types of its representations,
 * and the fetches it caused (each request's context has its own `db.log`).
 */
function requestLog(requests: string[]) {
  return {
    async requestDidStart({ request }: GraphQLRequestContext<BaseContext>) {
      const field = /\{\s*(\w+)/.exec(request.query ?? '')?.[1] ?? '?';
      const representations = request.variables?.representations;
      const types = new Map<string, number>();
      if (Array.isArray(representations)) {
        for (const { __typename } of representations as { __typename: string }[])
          types.set(__typename, (types.get(__typename) ?? 0) + 1);
      }
      const head = types.size
        ? `${field}(${[...types].map(([type, n]) => `${type} ×${n}`).join(', ')})`
        : field;
      return {
        async willSendResponse({ contextValue }: GraphQLRequestContext<BaseContext>) {
          const { log } = (contextValue as { db: { log: string[] } }).db;
          requests.push(`${head} → ${log.length ? log.join('; ') : 'no fetch'}`);
        },
      };
    },
  };
}

async function serveSubgraph<Db extends { log: string[] }>(
  name: string,
  resolvers: people.Resolvers | catalog.Resolvers,
  tables: Omit<Db, 'log'>,
  requests: string[],
) {
  const batching = dataloaderPlugin();
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      // A server builds its schema from the SDL the plugin read, with @batch declared.
      typeDefs: parse(batchDirectiveSDL + sdl(name)),
      // Its resolver map type has no room for typescript-resolvers' typed `__resolveReference`.
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
    plugins: [batching, requestLog(requests), ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: batching.context(async () => ({ db: { ...tables, log: [] } })),
  });
  return { name, url, server };
}

export interface Federation {
  /** Sends a query to the gateway over HTTP. */
  query(query: string): Promise<unknown>;
  /** Per subgraph, one line per request it served (requestLog), in the order they finished. */
  readonly requests: { readonly people: string[]; readonly catalog: string[] };
  /** Each subgraph's own endpoint, as the gateway calls it. */
  readonly urls: { readonly people: string; readonly catalog: string };
  stop(): Promise<void>;
}

export async function startFederation(tables: {
  people: Omit<PeopleDb, 'log'>;
  catalog: Omit<CatalogDb, 'log'>;
}): Promise<Federation> {
  const requests = { people: [] as string[], catalog: [] as string[] };
  const subgraphs = [
    await serveSubgraph('people', peopleResolvers, tables.people, requests.people),
    await serveSubgraph('catalog', catalogResolvers, tables.catalog, requests.catalog),
  ];
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: subgraphs.map(({ name, url }) => ({ name, url })),
    }),
  });
  // @apollo/gateway 2 implements the gateway interface Apollo Server 5 calls, declared by an
  // older @apollo/server-gateway-interface than the one Apollo Server 5 types it with.
  const server = new ApolloServer({
    gateway: gateway as unknown as ApolloServerOptionsWithGateway<BaseContext>['gateway'],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  // Composition read each subgraph's SDL (`_service`): not part of any query.
  requests.people.length = 0;
  requests.catalog.length = 0;
  return {
    requests,
    urls: { people: subgraphs[0]?.url ?? '', catalog: subgraphs[1]?.url ?? '' },
    async query(query) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return response.json();
    },
    async stop() {
      await server.stop();
      for (const subgraph of subgraphs) await subgraph.server.stop();
    },
  };
}
