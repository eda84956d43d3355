// What a client reads when a generated @batch resolver fails, under each server's default error
// handling (no maskError, no formatError): graphql-yoga masks every error that is not a
// GraphQLError of its own graphql, Apollo Server 5 passes messages through. A missing non-null
// entity reaches the client as NOT_FOUND with its message under both, and is not logged as an
// unexpected error; an unexpected failure stays masked under yoga, and is logged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSchema, execute, type GraphQLObjectType, parse } from 'graphql';
import {
  batchDirectiveSDL,
  Dataloader,
  NotFoundError,
  resolveOne,
} from 'graphql-codegen-batch/runtime';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CommentsByPostSource,
  createBatchResolvers,
  PostSource,
  TagSource,
  UserSource,
  withPrefetch,
} from '../../fixtures/journey-esm/generated/graphql.js';
import type { PostRow, UserRow } from '../../fixtures/journey-esm/models.js';
import { fixturesDir } from '../codegen/support/fixtures.js';
import { close, listen } from './support.js';

const typeDefs = [
  batchDirectiveSDL,
  readFileSync(join(fixturesDir, 'journey/schema.graphql'), 'utf8'),
];

const posts = new Map<string, PostRow>([
  ['p1', { id: 'p1', title: 'Dangling author', authorId: 'u404', editorId: null, tagIds: [] }],
  [
    'p2',
    { id: 'p2', title: 'Dangling tag', authorId: 'u1', editorId: null, tagIds: ['t1', 't404'] },
  ],
  ['p3', { id: 'p3', title: 'Broken editor', authorId: 'u1', editorId: 'boom', tagIds: [] }],
]);
const users = new Map<string, UserRow>([['u1', { id: 'u1', name: 'Ada' }]]);

class Posts extends PostSource {
  fetch(ids: string[]) {
    return ids.map((id) => posts.get(id) ?? null);
  }
}
class Users extends UserSource {
  fetch(ids: string[]) {
    // A failure the client must not read: it names internals.
    if (ids.includes('boom')) throw new Error('connection to users-db-7 refused');
    return ids.map((id) => users.get(id) ?? null);
  }
}
class CommentsByPost extends CommentsByPostSource {
  fetch(ids: string[]) {
    return ids.map(() => []);
  }
}
class Tags extends TagSource {
  fetch(ids: string[]) {
    return ids.map((id) => (id === 't404' ? null : { id, label: id.toUpperCase() }));
  }
}
const resolvers = () =>
  createBatchResolvers({ Post: Posts, User: Users, CommentsByPost, Tag: Tags });

const AUTHOR = '{ post(id: "p1") { title author { name } } }';
const TAGS = '{ post(id: "p2") { title tags { label } } }';
const EDITOR = '{ post(id: "p3") { title editor { name } } }';

/** The exact errors of a NOT_FOUND on Post.author and on Post.tags, as a client reads them. */
const authorNotFound = {
  data: { post: null },
  errors: [
    {
      message: 'User not found for key "u404" (Post.author)',
      locations: [{ line: 1, column: AUTHOR.indexOf('author') + 1 }],
      path: ['post', 'author'],
      extensions: { code: 'NOT_FOUND' },
    },
  ],
};
const tagNotFound = {
  data: { post: null },
  errors: [
    {
      message: 'Tag not found for key "t404" (Post.tags)',
      locations: [{ line: 1, column: TAGS.indexOf('tags') + 1 }],
      path: ['post', 'tags'],
      extensions: { code: 'NOT_FOUND' },
    },
  ],
};

async function post(url: string, query: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, json: await response.json() };
}

describe('graphql-yoga, default error masking', () => {
  const logged: unknown[][] = [];
  const logger = {
    debug: () => {},
    info: () => {},
    warn: (...args: unknown[]) => logged.push(['warn', ...args]),
    error: (...args: unknown[]) => logged.push(['error', ...args]),
  };
  let url: string;
  let server: Awaited<ReturnType<typeof listen>>['server'];
  beforeAll(async () => {
    const yoga = createYoga({
      schema: createSchema({ typeDefs, resolvers: resolvers() }),
      context: () => ({ dataloader: new Dataloader() }),
      logging: logger,
    });
    ({ url, server } = await listen(yoga));
  });
  afterAll(() => close(server));

  it('a missing non-null entity reaches the client as NOT_FOUND, and is not logged', async () => {
    logged.length = 0;
    expect(await post(url, AUTHOR)).toEqual({ status: 200, json: authorNotFound });
    expect(await post(url, TAGS)).toEqual({ status: 200, json: tagNotFound });
    expect(logged).toEqual([]);
  });

  it('an unexpected error is masked for the client and logged with its message', async () => {
    logged.length = 0;
    expect(await post(url, EDITOR)).toEqual({
      status: 200,
      json: {
        data: { post: { title: 'Broken editor', editor: null } },
        errors: [
          {
            message: 'Unexpected error.',
            locations: [{ line: 1, column: EDITOR.indexOf('editor') + 1 }],
            path: ['post', 'editor'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      },
    });
    expect(logged.map(([level, error]) => [level, (error as Error).message])).toEqual([
      ['error', 'connection to users-db-7 refused'],
    ]);
  });
});

describe('Apollo Server 5, default error formatting', () => {
  let apollo: ApolloServer<{ dataloader: Dataloader }>;
  let url: string;
  beforeAll(async () => {
    apollo = new ApolloServer<{ dataloader: Dataloader }>({ typeDefs, resolvers: resolvers() });
    ({ url } = await startStandaloneServer(apollo, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async () => ({ dataloader: new Dataloader() }),
    }));
  });
  afterAll(() => apollo.stop());

  it('a missing non-null entity reaches the client as NOT_FOUND', async () => {
    expect(await post(url, AUTHOR)).toEqual({ status: 200, json: authorNotFound });
    expect(await post(url, TAGS)).toEqual({ status: 200, json: tagNotFound });
  });
});

describe('the error a generated resolver throws for a missing entity', () => {
  it('is a NotFoundError naming the type, field, source and key', async () => {
    let seen: unknown;
    const apollo = new ApolloServer<{ dataloader: Dataloader }>({
      typeDefs,
      resolvers: resolvers(),
      formatError: (formatted, error) => {
        seen = (error as { originalError?: unknown }).originalError;
        return formatted;
      },
    });
    await apollo.executeOperation(
      { query: AUTHOR },
      { contextValue: { dataloader: new Dataloader() } },
    );
    await apollo.stop();
    expect(seen).toBeInstanceOf(NotFoundError);
    expect(seen).toMatchObject({
      name: 'NotFoundError',
      typeName: 'User',
      fieldPath: 'Post.author',
      sourceName: 'User',
      key: 'u404',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

describe('NotFoundError outside a query', () => {
  const field = { parentType: 'Post', field: 'author', typeName: 'User', source: 'User' };

  it('without info, resolveOne throws a plain NotFoundError (no GraphQLError to take)', async () => {
    const load = new Dataloader().with(Users).load('u404');
    await load;
    let thrown: unknown;
    try {
      resolveOne(load, field, 'u404');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(Object.getPrototypeOf(thrown)).toBe(NotFoundError.prototype);
    expect((thrown as Error).message).toBe('User not found for key "u404" (Post.author)');
  });

  it('instanceof a subclass of NotFoundError is the ordinary check', () => {
    class Gone extends NotFoundError {}
    const plain = new NotFoundError('User', 'Post.author', 'User', 'u1');
    expect(new Gone('User', 'Post.author', 'User', 'u1')).toBeInstanceOf(NotFoundError);
    expect(plain instanceof Gone).toBe(false);
    expect({} instanceof NotFoundError).toBe(false);
  });
});

describe('a context without a Dataloader', () => {
  const hint = "(put one on each request's context, e.g. with the useDataloader plugin)";
  /** Errors of `query` against the schema with `resolvers`, as [path, message]. */
  const errorsOf = async (
    query: string,
    contextValue: unknown,
    resolverMap: Record<string, Record<string, unknown>>,
  ) => {
    const schema = buildSchema(typeDefs.join('\n'));
    for (const [typeName, fields] of Object.entries(resolverMap)) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const [name, resolve] of Object.entries(fields)) {
        (type.getFields()[name] as { resolve?: unknown }).resolve = resolve;
      }
    }
    const result = await execute({ schema, document: parse(query), contextValue });
    return result.errors?.map((e) => [e.path, e.message]);
  };

  it('a generated resolver names its field, where it looked and how to put one there', async () => {
    expect(await errorsOf('{ post(id: "p1") { title } }', {}, resolvers())).toEqual([
      [
        ['post'],
        `The @batch resolver of Query.post needs a Dataloader at context.dataloader ${hint}, but got: undefined.`,
      ],
    ]);
  });

  it('so does withPrefetch, before its resolver runs', async () => {
    const batch = resolvers();
    let ran = 0;
    const post = withPrefetch(batch, async (_p: unknown, args: { id: string }) => {
      ran++;
      return posts.get(args.id) ?? null;
    });
    expect(await errorsOf(AUTHOR, {}, { ...batch, Query: { post } })).toEqual([
      [
        ['post'],
        `withPrefetch (Query.post) needs a Dataloader at context.dataloader ${hint}, but got: undefined.`,
      ],
    ]);
    expect(ran).toBe(0);
  });

  it('names what it found instead (prefetch off, below a hand-written field)', async () => {
    const batch = createBatchResolvers(
      { Post: Posts, User: Users, CommentsByPost, Tag: Tags },
      { prefetch: false },
    );
    const post = (_p: unknown, args: { id: string }) => posts.get(args.id);
    const contextValue = { dataloader: new Map() };
    expect(
      await errorsOf('{ post(id: "p2") { author { name } } }', contextValue, {
        ...batch,
        Query: { post },
      }),
    ).toEqual([
      [
        ['post', 'author'],
        `The @batch resolver of Post.author needs a Dataloader at context.dataloader ${hint}, but got: Map.`,
      ],
    ]);
  });

  it('with a Dataloader there, the errors are the resolvers’ own', async () => {
    const batch = resolvers();
    const post = withPrefetch(
      batch,
      async (_p: unknown, args: { id: string }) => posts.get(args.id) ?? null,
    );
    const contextValue = { dataloader: new Dataloader() };
    expect(await errorsOf(AUTHOR, contextValue, { ...batch, Query: { post } })).toEqual([
      [['post', 'author'], 'User not found for key "u404" (Post.author)'],
    ]);
  });
});
