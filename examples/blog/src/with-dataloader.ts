// The same schema resolved the way most servers batch today: hand-written resolvers over
// `dataloader` (one DataLoader per source and request, one per `first` value for comments),
// with the same SQL as the Sources. It is here so the load bench (`npm run load:compare`) can
// run the server with it next to the generated resolvers and the naive ones.
import DataLoader from 'dataloader';
import { groupByKeys, orderByKeys } from 'graphql-codegen-batch/runtime';
import type { Context } from './context.js';
import type { Resolvers } from './generated/graphql.js';
import type { CommentRow, TagRow, UserRow } from './models.js';
import {
  commentLimit,
  firstCommentsOfPosts,
  firstPosts,
  parseRowId,
  postsByIds,
  tagsByIds,
  usersByIds,
} from './queries.js';

interface Loaders {
  readonly users: DataLoader<number, UserRow | null>;
  readonly tags: DataLoader<number, TagRow | null>;
  readonly commentsByFirst: Map<number, DataLoader<number, CommentRow[]>>;
}

// Keyed by the request's database handle, which the app creates once per request: the
// loaders live exactly as long as the request, without a field of their own on Context.
const perRequest = new WeakMap<object, Loaders>();

function loaders(ctx: Context): Loaders {
  let found = perRequest.get(ctx.db);
  if (found === undefined) {
    const { db } = ctx;
    found = {
      users: new DataLoader(async (ids) =>
        orderByKeys(ids, await usersByIds(db, ids), (u) => u.id),
      ),
      tags: new DataLoader(async (ids) => orderByKeys(ids, await tagsByIds(db, ids), (t) => t.id)),
      commentsByFirst: new Map(),
    };
    perRequest.set(ctx.db, found);
  }
  return found;
}

function commentsLoader(ctx: Context, first: number): DataLoader<number, CommentRow[]> {
  const { commentsByFirst } = loaders(ctx);
  let loader = commentsByFirst.get(first);
  if (loader === undefined) {
    loader = new DataLoader(async (postIds) =>
      groupByKeys(postIds, await firstCommentsOfPosts(ctx.db, postIds, first), (c) => c.postId),
    );
    commentsByFirst.set(first, loader);
  }
  return loader;
}

async function requireUser(ctx: Context, id: number, field: string): Promise<UserRow> {
  const user = await loaders(ctx).users.load(id);
  if (user === null) throw new Error(`User not found for key "${id}" (${field})`);
  return user;
}

export const dataLoaderResolvers: Resolvers = {
  Query: {
    posts: (_parent, args, ctx) => firstPosts(ctx.db, args.first),
    post: async (_parent, args, ctx) => {
      const id = parseRowId(args.id);
      return id === null ? null : ((await postsByIds(ctx.db, [id]))[0] ?? null);
    },
  },
  Post: {
    author: (post, _args, ctx) => requireUser(ctx, post.authorId, 'Post.author'),
    editor: (post, _args, ctx) =>
      post.editorId === null ? null : loaders(ctx).users.load(post.editorId),
    tags: async (post, _args, ctx) => {
      const tags = await loaders(ctx).tags.loadMany(post.tagIds);
      return tags.map((tag, i) => {
        if (tag instanceof Error) throw tag;
        if (tag === null) throw new Error(`Tag not found for key "${post.tagIds[i]}" (Post.tags)`);
        return tag;
      });
    },
    comments: (post, args, ctx) => commentsLoader(ctx, commentLimit(args.first)).load(post.id),
  },
  Comment: {
    author: (comment, _args, ctx) => requireUser(ctx, comment.authorId, 'Comment.author'),
  },
};
