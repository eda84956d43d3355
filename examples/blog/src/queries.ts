// The SQL of the example, shared by the batched Sources (sources.ts), the naive resolvers
// (naive.ts) and the hand-written Query.posts, so that both resolver sets read the same rows.
import type { Db } from './db.js';
import { badUserInput } from './errors.js';
import {
  COMMENT_COLUMNS,
  type CommentRow,
  POST_COLUMNS,
  type PostRow,
  TAG_COLUMNS,
  type TagRow,
  USER_COLUMNS,
  USER_FIELDS,
  type UserRow,
} from './models.js';

/** Query.posts(first:) reads at most this many rows, whatever the client asks for. */
export const MAX_POSTS = 1_000;

/** The first posts by id: Query.posts, an ordinary resolver in both resolver sets. */
export async function firstPosts(db: Db, first: number | null | undefined): Promise<PostRow[]> {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_POSTS) {
    throw badUserInput(`Query.posts(first:) must be between 0 and ${MAX_POSTS}, got ${limit}`);
  }
  return db.query<PostRow>(`SELECT ${POST_COLUMNS} FROM posts ORDER BY id LIMIT $1`, [limit]);
}

/**
 * The users of `ids`, with the columns `fields` names (and `id`, which orders the rows by key),
 * or every column when `fields` is null. Rows read with some columns lack the others.
 */
export function usersByIds(
  db: Db,
  ids: readonly number[],
  fields: ReadonlySet<keyof UserRow> | null = null,
): Promise<UserRow[]> {
  const columns =
    fields === null
      ? USER_COLUMNS
      : USER_FIELDS.filter((column) => column === 'id' || fields.has(column)).join(', ');
  return db.query<UserRow>(`SELECT ${columns} FROM users WHERE id = ANY($1::int[])`, [ids]);
}

/** Mutation.renameUser: the renamed row, or none when there is no such user. */
export function renameUser(db: Db, id: number, name: string): Promise<UserRow[]> {
  return db.query<UserRow>(`UPDATE users SET name = $2 WHERE id = $1 RETURNING ${USER_COLUMNS}`, [
    id,
    name,
  ]);
}

export function tagsByIds(db: Db, ids: readonly number[]): Promise<TagRow[]> {
  return db.query<TagRow>(`SELECT ${TAG_COLUMNS} FROM tags WHERE id = ANY($1::int[])`, [ids]);
}

export function postsByIds(db: Db, ids: readonly number[]): Promise<PostRow[]> {
  return db.query<PostRow>(`SELECT ${POST_COLUMNS} FROM posts WHERE id = ANY($1::int[])`, [ids]);
}

/**
 * The first `first` comments (by id) of each post, for many posts in one statement: a window
 * function numbers each post's comments, and the outer query keeps the first ones. A `LIMIT`
 * would cap the whole result, not each post's share.
 */
export function firstCommentsOfPosts(
  db: Db,
  postIds: readonly number[],
  first: number,
): Promise<CommentRow[]> {
  return db.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS}
     FROM (
       SELECT *, row_number() OVER (PARTITION BY post_id ORDER BY id) AS rank
       FROM comments
       WHERE post_id = ANY($1::int[])
     ) AS ranked
     WHERE rank <= $2
     ORDER BY post_id, id`,
    [postIds, first],
  );
}

/** GraphQL IDs arrive as strings; only these can name a row of an `integer` primary key. */
export function parseRowId(id: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return null;
  const n = Number(id);
  return n <= 2_147_483_647 ? n : null;
}

/** Comments per post: a non-negative count, 10 when the argument is null. */
export function commentLimit(first: number | null | undefined): number {
  const limit = first ?? 10;
  if (!Number.isInteger(limit) || limit < 0) {
    throw badUserInput(`Post.comments(first:) must be a non-negative integer, got ${limit}`);
  }
  return limit;
}

/** The number of comments of each post, for many posts in one statement (absent: none). */
export async function commentCounts(
  db: Db,
  postIds: readonly number[],
): Promise<Map<number, number>> {
  const rows = await db.query<{ postId: number; count: number }>(
    `SELECT post_id AS "postId", count(*)::int AS count
     FROM comments WHERE post_id = ANY($1::int[]) GROUP BY post_id`,
    [postIds],
  );
  return new Map(rows.map((row) => [row.postId, row.count]));
}
