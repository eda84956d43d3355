// The blog's Sources: one class per @batch source, each extending the abstract class the plugin
// generated for it, so a wrong key or value type is a tsc error here. Each `fetch` gets every
// key that one round of the query asked for and returns the rows its query found, in the
// database's order; `rowKey` (one row per key) or `groupKey` (a list of rows per key) says
// which key a row belongs to, and the runtime lines the rows up with the keys: a key with no
// row gets null (so a non-null field reports NOT_FOUND), or [] for a list.
// `this.context` is the request's Context (the generated classes carry its type), so
// `this.context.db` is the request's database handle.
import type { Projection } from 'graphql-codegen-batch/runtime';
import {
  type BatchSources,
  CommentsByPostSource,
  PostSource,
  PostStatsSource,
  TagSource,
  UserSource,
} from './generated/graphql.js';
import type { CommentRow, PostRow, TagRow, UserRow } from './models.js';
import {
  commentCounts,
  commentLimit,
  firstCommentsOfPosts,
  parseRowId,
  postsByIds,
  tagsByIds,
  usersByIds,
} from './queries.js';

/**
 * Post.author, Post.editor and Comment.author: one statement for all the users of a round. It
 * projects: `fields` is what the query selects below those fields (`author { name }` → name),
 * over every load of the batch, so the statement reads only those columns; null (a load that
 * named no fields, such as the subscription's) reads them all.
 */
export class Users extends UserSource {
  static override readonly projection = true;

  override rowKey(user: UserRow) {
    return user.id;
  }
  fetch(ids: number[], { fields }: Projection<UserRow | null>) {
    return usersByIds(this.context.db, ids, fields);
  }
}

/**
 * Post.tags (a list key: the wrapper calls loadAll(post.tagIds)). This one uses manual
 * parallelism, GraphQL-Ruby's `dataloader.yield`: it starts its query, hands control back with
 * a bare `yield` so the Dataloader can start the round's other batches, and returns the
 * still-pending promise of its rows when it is resumed. On PostgreSQL (a pool) the queries
 * overlap.
 */
export class Tags extends TagSource {
  override rowKey(tag: TagRow) {
    return tag.id;
  }
  *fetch(ids: number[]) {
    const pending = tagsByIds(this.context.db, ids);
    yield;
    return pending;
  }
}

/**
 * Post.comments(first:) (many: true): one key → that post's comments. `first` is a batch
 * parameter, so posts asking for different counts get different Source instances and batches.
 */
export class CommentsByPost extends CommentsByPostSource {
  override groupKey(comment: CommentRow) {
    return comment.postId;
  }
  fetch(postIds: number[]) {
    const first = commentLimit(this.params.first);
    return firstCommentsOfPosts(this.context.db, postIds, first);
  }
}

/** Query.post(id:) (key "$args.id"): the keys are GraphQL IDs, so strings. */
export class Posts extends PostSource {
  override rowKey(post: PostRow) {
    return String(post.id);
  }
  async fetch(ids: string[]) {
    // A key that is not a row id cannot match: it gets null, like any unknown id.
    const rowIds = ids.map(parseRowId).filter((id) => id !== null);
    return rowIds.length === 0 ? [] : postsByIds(this.context.db, rowIds);
  }
}

/**
 * Post.stats (key "$parent"): a batch resolver. `fetch` receives the Post rows themselves, one
 * per post of the round, reads what it needs from them (their tag ids) and counts the comments
 * of all of them in one statement.
 */
export class PostStatsOfPosts extends PostStatsSource {
  async fetch(posts: PostRow[]) {
    const counts = await commentCounts(
      this.context.db,
      posts.map((post) => post.id),
    );
    return posts.map((post) => ({
      commentCount: counts.get(post.id) ?? 0,
      tagCount: post.tagIds.length,
    }));
  }
}

/** The map createBatchResolvers takes: a missing or mistyped entry is a tsc error. */
export const sources: BatchSources = {
  User: Users,
  Tag: Tags,
  CommentsByPost: CommentsByPost,
  Post: Posts,
  PostStats: PostStatsOfPosts,
};
