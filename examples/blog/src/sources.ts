// The blog's Sources: one class per @batch source, each extending the abstract class the plugin
// generated for it, so a wrong key or value type is a tsc error here. Each `fetch` gets every
// key that one round of the query asked for and answers with one value per key, in key order.
// `this.context` is the request's Context (the generated classes carry its type), so
// `this.context.db` is the request's database handle.
import { groupByKeys, orderByKeys, type Projection } from 'graphql-codegen-batch/runtime';
import {
  type BatchSources,
  CommentsByPostSource,
  PostSource,
  PostStatsSource,
  TagSource,
  UserSource,
} from './generated/graphql.js';
import type { PostRow, UserRow } from './models.js';
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

  async fetch(ids: number[], { fields }: Projection<UserRow | null>) {
    const rows = await usersByIds(this.context.db, ids, fields);
    return orderByKeys(ids, rows, (user) => user.id);
  }
}

/**
 * Post.tags (a list key: the wrapper calls loadAll(post.tagIds)). This one uses manual
 * parallelism, GraphQL-Ruby's `dataloader.yield`: it starts its query, hands control back with
 * a bare `yield` so the Dataloader can start the round's other batches, and returns the
 * still-pending promise when it is resumed. On PostgreSQL (a pool) the queries overlap.
 */
export class Tags extends TagSource {
  *fetch(ids: number[]) {
    const pending = tagsByIds(this.context.db, ids);
    yield;
    return pending.then((rows) => orderByKeys(ids, rows, (tag) => tag.id));
  }
}

/**
 * Post.comments(first:) (many: true): one key → that post's comments. `first` is a batch
 * parameter, so posts asking for different counts get different Source instances and batches.
 */
export class CommentsByPost extends CommentsByPostSource {
  async fetch(postIds: number[]) {
    const first = commentLimit(this.params.first);
    const rows = await firstCommentsOfPosts(this.context.db, postIds, first);
    return groupByKeys(postIds, rows, (comment) => comment.postId);
  }
}

/** Query.post(id:) (key "$args.id"): the keys are GraphQL IDs, so strings. */
export class Posts extends PostSource {
  async fetch(ids: string[]) {
    // A key that is not a row id cannot match: it gets null, like any unknown id.
    const rowIds = ids.map(parseRowId).filter((id) => id !== null);
    const rows = rowIds.length === 0 ? [] : await postsByIds(this.context.db, rowIds);
    return orderByKeys(ids, rows, (post) => String(post.id));
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
