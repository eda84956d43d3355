// A schema with batched fields, resolvers in the shape the plugin generates, and a prefetch
// switch: the differential prefetch tests run every query with and without lookahead.

import {
  buildSchema,
  type DocumentNode,
  type ExecutionResult,
  execute,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
} from 'graphql';
import {
  type BatchField,
  createPrefetch,
  type Dataloader,
  type Load,
  type PrefetchPlan,
  type PromiseOrValue,
  resolveEach,
  resolveMany,
  resolveNullable,
  resolveOne,
  Source,
} from 'graphql-codegen-batch/runtime';
import type { Log } from './support.js';

export const schema = buildSchema(`
  interface Node { id: ID! }
  type User implements Node { id: ID! name: String! posts(first: Int = 2): [Post!]! best: Post }
  type Post implements Node {
    id: ID! title: String! author: User! editor: User tags: [Tag!]!
    comments(first: Int = 10): [Comment!]!
  }
  type Comment implements Node { id: ID! body: String! author: User! }
  type Tag { id: ID! name: String! }
  union SearchResult = User | Post
  type Query {
    post(id: ID!): Post
    posts(ids: [ID!]!): [Post!]!
    search: [SearchResult!]!
    grid: [[Post!]!]!
    node(id: ID!): Node
  }
`);

interface UserRow {
  id: string;
  name: string;
  bestPostId: string | null;
}
interface PostRow {
  id: string;
  title: string;
  authorId: string;
  editorId: string | null;
  tagIds: string[];
}
interface CommentRow {
  id: string;
  body: string;
  authorId: string;
  postId: string;
}
interface TagRow {
  id: string;
  name: string;
}

const users: UserRow[] = ['1', '2', '4'].map((id) => ({
  id,
  name: `user${id}`,
  bestPostId: id === '4' ? null : `p${id}`,
}));
const posts: PostRow[] = [
  { id: 'p1', title: 'one', authorId: '1', editorId: '2', tagIds: ['t1', 't2'] },
  { id: 'p2', title: 'two', authorId: '2', editorId: null, tagIds: [] },
  { id: 'p3', title: 'three', authorId: '3', editorId: '9', tagIds: ['t1'] }, // no user 3 or 9
  { id: 'p4', title: 'four', authorId: '4', editorId: '1', tagIds: ['t2', 'boom'] },
];
const comments: CommentRow[] = posts.flatMap((p, i) =>
  [0, 1, 2].map((n) => ({
    id: `${p.id}c${n}`,
    body: `b${n}`,
    authorId: ['1', '2', '4'][(i + n) % 3] as string,
    postId: p.id,
  })),
);
const tags: TagRow[] = [
  { id: 't1', name: 'ts' },
  { id: 't2', name: 'gql' },
];

/**
 * `faulty: false` removes every error source (user 3 exists, tag "boom" is a tag, comments
 * never fail): for random queries, where graphql-js's own order of execution decides which of
 * several errors under one non-null parent gets reported.
 */
export function makeSources(log: Log, faulty = true) {
  const known = faulty ? users : [...users, { id: '3', name: 'user3', bestPostId: null }];
  class Users extends Source<string, UserRow | null> {
    fetch(ids: string[]) {
      log.push(['User', ids]);
      return ids.map((id) => known.find((u) => u.id === id) ?? null);
    }
  }
  class Posts extends Source<string, PostRow | null> {
    async fetch(ids: string[]) {
      log.push(['Post', ids]);
      return ids.map((id) => posts.find((p) => p.id === id) ?? null);
    }
  }
  class PostsByUser extends Source<string, PostRow[], { first: number }> {
    async fetch(ids: string[]) {
      log.push([`PostsByUser(${this.params.first})`, ids]);
      return ids.map((id) => posts.filter((p) => p.authorId === id).slice(0, this.params.first));
    }
  }
  class CommentsByPost extends Source<string, CommentRow[], { first: number }> {
    *fetch(ids: string[]) {
      log.push([`CommentsByPost(${this.params.first})`, ids]);
      if (faulty && this.params.first === 0) throw new Error('comments store is down');
      yield; // manual parallelism, to exercise generator fetches under prefetch
      return ids.map((id) => comments.filter((c) => c.postId === id).slice(0, this.params.first));
    }
  }
  class Tags extends Source<string, TagRow | null> {
    async fetch(ids: string[]) {
      log.push(['Tag', ids]);
      return ids.map((id) =>
        id === 'boom'
          ? faulty
            ? new Error(`tag ${id} exploded`)
            : { id, name: id }
          : (tags.find((t) => t.id === id) ?? null),
      );
    }
  }
  return { User: Users, Post: Posts, PostsByUser, CommentsByPost, Tag: Tags };
}

export const plan: PrefetchPlan = {
  Post: {
    author: { source: 'User', keyPath: ['authorId'], list: false, params: [] },
    editor: { source: 'User', keyPath: ['editorId'], list: false, params: [] },
    tags: { source: 'Tag', keyPath: ['tagIds'], list: true, params: [] },
    comments: { source: 'CommentsByPost', keyPath: ['id'], list: false, params: ['first'] },
  },
  Comment: { author: { source: 'User', keyPath: ['authorId'], list: false, params: [] } },
  User: {
    posts: { source: 'PostsByUser', keyPath: ['id'], list: false, params: ['first'] },
    best: { source: 'Post', keyPath: ['bestPostId'], list: false, params: [] },
  },
  Query: { post: { source: 'Post', keyArg: 'id', list: false, params: [] } },
};

interface Ctx {
  dataloader: Dataloader;
}
const field = (parentType: string, name: string, typeName: string, source: string): BatchField => ({
  parentType,
  field: name,
  typeName,
  source,
});

/** Resolvers in the generated shape; `prefetch: false` makes the wrapper a no-op. */
export function makeResolvers(
  log: Log,
  options: { prefetch: boolean; maxDepth?: number; faulty?: boolean },
) {
  const S = makeSources(log, options.faulty ?? true);
  const lookahead = createPrefetch(
    plan,
    S,
    options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth },
  );
  const pf = <T>(
    value: PromiseOrValue<T>,
    info: GraphQLResolveInfo,
    ctx: Ctx,
  ): PromiseOrValue<T> => (options.prefetch ? lookahead(value, info, ctx.dataloader, ctx) : value);
  type R<P> = (
    parent: P,
    args: Record<string, unknown>,
    ctx: Ctx,
    info: GraphQLResolveInfo,
  ) => unknown;
  const one = <V>(load: Load<V | null>, f: BatchField, key: unknown) => resolveOne(load, f, key);
  const Post: Record<string, R<PostRow>> = {
    author: (p, _a, ctx, info) =>
      pf(
        one(
          ctx.dataloader.with(S.User).load(p.authorId),
          field('Post', 'author', 'User', 'User'),
          p.authorId,
        ),
        info,
        ctx,
      ),
    editor: (p, _a, ctx, info) =>
      p.editorId == null
        ? null
        : pf(resolveNullable(ctx.dataloader.with(S.User).load(p.editorId)), info, ctx),
    tags: (p, _a, ctx, info) =>
      pf(
        resolveEach(
          ctx.dataloader.with(S.Tag).loadAll(p.tagIds),
          field('Post', 'tags', 'Tag', 'Tag'),
          p.tagIds,
          false,
        ),
        info,
        ctx,
      ),
    comments: (p, a, ctx, info) =>
      pf(
        resolveMany(ctx.dataloader.with(S.CommentsByPost, { first: a.first as number }).load(p.id)),
        info,
        ctx,
      ),
  };
  const Comment: Record<string, R<CommentRow>> = {
    author: (c, _a, ctx, info) =>
      pf(
        one(
          ctx.dataloader.with(S.User).load(c.authorId),
          field('Comment', 'author', 'User', 'User'),
          c.authorId,
        ),
        info,
        ctx,
      ),
  };
  const User: Record<string, R<UserRow>> = {
    posts: (u, a, ctx, info) =>
      pf(
        resolveMany(ctx.dataloader.with(S.PostsByUser, { first: a.first as number }).load(u.id)),
        info,
        ctx,
      ),
    best: (u, _a, ctx, info) =>
      u.bestPostId == null
        ? null
        : pf(resolveNullable(ctx.dataloader.with(S.Post).load(u.bestPostId)), info, ctx),
  };
  const Query: Record<string, R<unknown>> = {
    post: (_p, a, ctx, info) =>
      pf(resolveNullable(ctx.dataloader.with(S.Post).load(a.id as string)), info, ctx),
    // Hand-written resolvers returning objects, opted in to prefetch.
    posts: (_p, a, ctx, info) =>
      pf(
        (a.ids as string[]).map((id) => posts.find((p) => p.id === id)).filter(Boolean),
        info,
        ctx,
      ),
    search: (_p, _a, ctx, info) =>
      pf(
        [
          { __typename: 'User', ...users[0] },
          { __typename: 'Post', ...posts[3] },
          { __typename: 'User', ...users[2] },
        ],
        info,
        ctx,
      ),
    grid: (_p, _a, ctx, info) => pf([[posts[0], posts[1]], [posts[2]], []], info, ctx),
    node: (_p, a, ctx, info) => {
      const id = a.id as string;
      const value = id.startsWith('p')
        ? posts.find((p) => p.id === id)
        : users.find((u) => u.id === id);
      return pf(
        value ? { __typename: id.startsWith('p') ? 'Post' : 'User', ...value } : null,
        info,
        ctx,
      );
    },
  };
  const resolvers: Record<string, Record<string, R<never>>> = { Post, Comment, User, Query };
  return { resolvers, sources: S };
}

/**
 * Executes a query over this schema with prefetch on or off: the data, the errors (path,
 * message, extensions) and the batch log with keys sorted inside each batch.
 */
export async function executeQuery(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  prefetch: boolean,
  create: () => Dataloader,
  faulty = true,
) {
  const log: Log = [];
  const { resolvers } = makeResolvers(log, { prefetch, faulty });
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, ctx, info) => {
    const resolve = resolvers[info.parentType.name]?.[info.fieldName];
    if (resolve) return resolve(source as never, args as never, ctx as never, info);
    return (source as Record<string, unknown>)[info.fieldName];
  };
  const result = (await execute({
    schema,
    document,
    variableValues: variables ?? {},
    contextValue: { dataloader: create() },
    fieldResolver,
    typeResolver: (value) => (value as { __typename: string }).__typename,
  })) as ExecutionResult;
  return {
    data: JSON.stringify(result.data),
    errors: (result.errors ?? [])
      .map((e) => `${e.path?.join('.')}: ${e.message} ${JSON.stringify(e.extensions)}`)
      .sort(),
    log: log.map(([name, keys]) => `${name} ${JSON.stringify([...keys].sort())}`).sort(),
  };
}
