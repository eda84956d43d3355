// The same schema resolved the way most servers start: every field runs its own query, using
// the same SQL as the Sources. `npm run example` runs the demo query with these too, to measure
// (not compute) how many statements batching saves.
import { orderByKeys } from 'graphql-codegen-batch/runtime';
import type { Resolvers } from './generated/graphql.js';
import { liveResolvers } from './live.js';
import type { UserRow } from './models.js';
import {
  commentCounts,
  commentLimit,
  firstCommentsOfPosts,
  firstPosts,
  parseRowId,
  postsByIds,
  tagsByIds,
  usersByIds,
} from './queries.js';

export const naiveResolvers: Resolvers = {
  Query: {
    posts: (_parent, args, ctx) => firstPosts(ctx.db, args.first),
    post: async (_parent, args, ctx) => {
      const id = parseRowId(args.id);
      return id === null ? null : ((await postsByIds(ctx.db, [id]))[0] ?? null);
    },
  },
  Post: {
    author: async (post, _args, ctx) =>
      requireUser(await usersByIds(ctx.db, [post.authorId]), post.authorId),
    editor: async (post, _args, ctx) =>
      post.editorId === null ? null : ((await usersByIds(ctx.db, [post.editorId]))[0] ?? null),
    tags: async (post, _args, ctx) => {
      const rows = await tagsByIds(ctx.db, post.tagIds);
      return orderByKeys(post.tagIds, rows, (tag) => tag.id).map((tag, i) => {
        if (tag === null) throw new Error(`Tag not found for key "${post.tagIds[i]}" (Post.tags)`);
        return tag;
      });
    },
    comments: (post, args, ctx) =>
      firstCommentsOfPosts(ctx.db, [post.id], commentLimit(args.first)),
    stats: async (post, _args, ctx) => ({
      commentCount: (await commentCounts(ctx.db, [post.id])).get(post.id) ?? 0,
      tagCount: post.tagIds.length,
    }),
  },
  Comment: {
    author: async (comment, _args, ctx) =>
      requireUser(await usersByIds(ctx.db, [comment.authorId]), comment.authorId),
  },
  ...liveResolvers,
};

function requireUser(rows: UserRow[], id: number): UserRow {
  const [row] = rows;
  if (row === undefined) throw new Error(`User not found for key "${id}"`);
  return row;
}
