// A small blog API shared by the server integration tests: an in-memory table per source that
// logs each fetch, and hand-written resolvers written as generator jobs (`jobResolver`).
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { type Dataloader, Source, type SourceClass } from 'graphql-codegen-batch/runtime';
import { jobResolverOn } from 'graphql-codegen-batch/server';
import type { Log } from '../runtime/support.js';

export const typeDefs = /* GraphQL */ `
  type User {
    id: ID!
    name: String!
  }
  type Post {
    id: ID!
    title: String!
    author: User!
  }
  type Query {
    posts(ids: [ID!]!): [Post!]!
    user(id: ID!): User
    loaderKind: String!
  }
  type Mutation {
    rename(id: ID!, name: String!): User!
  }
`;

export interface UserRow {
  id: string;
  name: string;
}
export interface PostRow {
  id: string;
  title: string;
  authorId: string;
}

export interface Blog {
  readonly log: Log;
  readonly users: Map<string, UserRow>;
  readonly Users: SourceClass<Source<string, UserRow | null>>;
  readonly Posts: SourceClass<Source<string, PostRow | null>>;
  /** Resolvers for `typeDefs`, reading the Dataloader at `context[field]`. */
  resolvers(field?: string): Record<string, Record<string, unknown>>;
}

export function blog(): Blog {
  const log: Log = [];
  const users = new Map<string, UserRow>([
    ['1', { id: '1', name: 'Ada' }],
    ['2', { id: '2', name: 'Brian' }],
  ]);
  const posts = new Map<string, PostRow>([
    ['10', { id: '10', title: 'Fibers', authorId: '1' }],
    ['11', { id: '11', title: 'Generators', authorId: '2' }],
    ['12', { id: '12', title: 'Batches', authorId: '1' }],
  ]);
  class Users extends Source<string, UserRow | null> {
    async fetch(ids: string[]) {
      log.push(['Users', ids]);
      return ids.map((id) => {
        const row = users.get(id);
        return row ? { ...row } : null;
      });
    }
  }
  class Posts extends Source<string, PostRow | null> {
    async fetch(ids: string[]) {
      log.push(['Posts', ids]);
      return ids.map((id) => posts.get(id) ?? null);
    }
  }
  const resolvers = (field = 'dataloader') => {
    type Ctx = Record<string, Dataloader>;
    const job = jobResolverOn(field);
    const dl = (ctx: Ctx) => ctx[field] as Dataloader;
    return {
      Query: {
        posts: job(function* (_: unknown, args: { ids: string[] }, ctx: Ctx) {
          const rows = yield* dl(ctx).with(Posts).loadAll(args.ids);
          return rows.filter((row) => row !== null);
        }),
        user: job(function* (_: unknown, args: { id: string }, ctx: Ctx) {
          return yield* dl(ctx).with(Users).load(args.id);
        }),
        loaderKind: (_: unknown, _args: unknown, ctx: Ctx) => dl(ctx).constructor.name,
      },
      Post: {
        author: job(function* (post: PostRow, _: unknown, ctx: Ctx) {
          return yield* dl(ctx).with(Users).load(post.authorId);
        }),
      },
      Mutation: {
        // Writes, then reads the row back through the Dataloader (as a real API would).
        rename: job(function* (_: unknown, args: { id: string; name: string }, ctx: Ctx) {
          if (!users.has(args.id)) throw new Error(`No user ${args.id}`);
          users.set(args.id, { id: args.id, name: args.name });
          return yield* dl(ctx).with(Users).load(args.id);
        }),
      },
    };
  };
  return { log, users, Users, Posts, resolvers };
}

/** Builds the schema of `typeDefs` with `resolvers` attached, with graphql-js alone. */
export function executableSchema(
  resolvers: Record<string, Record<string, unknown>>,
): GraphQLSchema {
  const schema = buildSchema(typeDefs);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`No object type ${typeName} in typeDefs`);
    for (const [name, resolve] of Object.entries(fields)) {
      const field = type.getFields()[name];
      if (!field) throw new Error(`No field ${typeName}.${name} in typeDefs`);
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}

/** An HTTP server for `handler` on 127.0.0.1, on a port the OS picks. */
export async function listen(handler: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, server };
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}

/** Fails with `what` if `promise` has not settled within `ms` (a bound, never an assertion). */
export function bounded<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[] }[];
  extensions?: Record<string, unknown>;
}

export function body(query: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, variables });
}

/** Reads a server-sent-events response event by event (`event: next` data, parsed). */
export function sseReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  return async function next(): Promise<{ event: string; data: unknown }> {
    for (;;) {
      const end = text.indexOf('\n\n');
      if (end >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        if (block.startsWith(':')) continue; // a keep-alive comment
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        return { event, data: data === undefined || data === '' ? undefined : JSON.parse(data) };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended; unread: ${JSON.stringify(text)}`);
      text += decoder.decode(value, { stream: true });
    }
  };
}
