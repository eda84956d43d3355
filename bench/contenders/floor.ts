// The floor: plain synchronous Map lookups, no batching, no I/O, no Promise. graphql-js (and
// graphql-jit) execute it without allocating a single Promise; nothing can be faster.
import type { CommentRow, Dataset, PostRow } from '../fixtures/dataset.js';
import type { ResolverMap } from '../fixtures/schema.js';

export function floorResolvers(data: Dataset): ResolverMap {
  return {
    Query: {
      posts: (_root: unknown, args: { first: number }) => data.posts.slice(0, args.first),
    },
    Post: {
      author: (post: PostRow) => data.usersById.get(post.authorId),
      comments: (post: PostRow, args: { first: number }) =>
        data.commentsByPost.get(post.id)?.slice(0, args.first) ?? [],
    },
    Comment: {
      author: (comment: CommentRow) => data.usersById.get(comment.authorId),
    },
  };
}

export const floorContext = (): object => ({});
