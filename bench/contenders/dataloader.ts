// Hand-written per-request DataLoaders: the way most servers batch today. One loader per source
// per request, and one per distinct batch parameter (`first`), created on first use.
import DataLoader from 'dataloader';
import type { Backend } from '../fixtures/backend.js';
import type { CommentRow, PostRow, UserRow } from '../fixtures/dataset.js';
import type { ResolverMap } from '../fixtures/schema.js';

export interface DataLoaderContext {
  readonly users: DataLoader<string, UserRow>;
  commentsByPost(first: number): DataLoader<string, CommentRow[]>;
}

export function dataLoaderContext(backend: Backend): () => DataLoaderContext {
  return () => {
    const byFirst = new Map<number, DataLoader<string, CommentRow[]>>();
    return {
      // DataLoader wants a Promise from its batch function, even for in-memory data.
      users: new DataLoader((ids) => Promise.resolve(backend.users(ids))),
      commentsByPost(first) {
        let loader = byFirst.get(first);
        if (!loader) {
          loader = new DataLoader((ids) => Promise.resolve(backend.commentsByPost(ids, first)));
          byFirst.set(first, loader);
        }
        return loader;
      },
    };
  };
}

export function dataLoaderResolvers(backend: Backend): ResolverMap {
  return {
    Query: {
      // Scenario 4 gives the root read its latency too (the first of three dependent rounds).
      posts: (_root: unknown, args: { first: number }) => backend.posts(args.first),
    },
    Post: {
      author: (post: PostRow, _args: unknown, ctx: DataLoaderContext) =>
        ctx.users.load(post.authorId),
      comments: (post: PostRow, args: { first: number }, ctx: DataLoaderContext) =>
        ctx.commentsByPost(args.first).load(post.id),
    },
    Comment: {
      author: (comment: CommentRow, _args: unknown, ctx: DataLoaderContext) =>
        ctx.users.load(comment.authorId),
    },
  };
}
