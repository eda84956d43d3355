// Our runtime behind resolvers in the shape the plugin generates (runtime-contract.md):
// `resolveOne`/`resolveMany` over `ctx.dataloader.with(Source, params).load(key)`, one module-level
// BatchField per field. Used until the plugin's own output is wired in (see bench/README.md).
import {
  AsyncDataloader,
  type BatchField,
  Dataloader,
  resolveMany,
  resolveOne,
  Source,
} from 'graphql-codegen-batch/runtime';
import type { Backend } from '../fixtures/backend.js';
import type { CommentRow, PostRow, UserRow } from '../fixtures/dataset.js';
import type { ResolverMap } from '../fixtures/schema.js';

export interface OursContext {
  readonly dataloader: Dataloader;
}

/** The user's side: one Source class per `@batch` source, each reading the counted backend. */
export function oursSources(backend: Backend) {
  class Users extends Source<string, UserRow | null> {
    fetch(ids: string[]) {
      return backend.users(ids);
    }
  }
  class CommentsByPost extends Source<string, CommentRow[], { first: number }> {
    fetch(postIds: string[]) {
      return backend.commentsByPost(postIds, this.params.first);
    }
  }
  return { User: Users, CommentsByPost };
}

export type OursSources = ReturnType<typeof oursSources>;

const Post_author: BatchField = {
  parentType: 'Post',
  field: 'author',
  typeName: 'User',
  source: 'User',
};
const Comment_author: BatchField = {
  parentType: 'Comment',
  field: 'author',
  typeName: 'User',
  source: 'User',
};

/** What `createBatchResolvers(sources)` returns, written by hand in the generated shape. */
export function handWrittenBatchResolvers(sources: OursSources): ResolverMap {
  return {
    Post: {
      author: (parent: PostRow, _args: unknown, ctx: OursContext) =>
        resolveOne(
          ctx.dataloader.with(sources.User).load(parent.authorId),
          Post_author,
          parent.authorId,
        ),
      comments: (parent: PostRow, args: { first: number }, ctx: OursContext) =>
        resolveMany(
          ctx.dataloader.with(sources.CommentsByPost, { first: args.first }).load(parent.id),
        ),
    },
    Comment: {
      author: (parent: CommentRow, _args: unknown, ctx: OursContext) =>
        resolveOne(
          ctx.dataloader.with(sources.User).load(parent.authorId),
          Comment_author,
          parent.authorId,
        ),
    },
  };
}

/** The user's own resolver for the root field: a plain read, as in the other contenders. */
export function oursRootResolvers(backend: Backend): ResolverMap {
  return {
    Query: { posts: (_root: unknown, args: { first: number }) => backend.posts(args.first) },
  };
}

export type Mode = 'sequential' | 'async';

export function oursContext(mode: Mode): () => OursContext {
  return mode === 'async'
    ? () => ({ dataloader: new AsyncDataloader() })
    : () => ({ dataloader: new Dataloader() });
}

/** The runtime's own counters after one execution. */
export function oursInspect(context: object): Readonly<Record<string, number>> {
  const { rounds, batches } = (context as OursContext).dataloader.stats;
  return { rounds, batches };
}
