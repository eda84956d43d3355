// Row types: what the database returns and what resolvers receive as parents. codegen.yml maps
// the GraphQL types onto them (`mappers`), so the plugin checks every @batch key against these
// properties (Post.author's key "authorId" must be a property of PostRow).

export interface UserRow {
  id: number;
  name: string;
  email: string;
}

export interface TagRow {
  id: number;
  name: string;
}

export interface PostRow {
  id: number;
  title: string;
  authorId: number;
  /** Posts without an editor have `null`: Post.editor is nullable, so it resolves null. */
  editorId: number | null;
  /** A Postgres int[] column: a list key, loaded with one `loadAll`. */
  tagIds: number[];
}

/** Post.stats: what PostStatsOfPosts computes for each post row. */
export interface PostStatsRow {
  commentCount: number;
  tagCount: number;
}

export interface CommentRow {
  id: number;
  postId: number;
  authorId: number;
  body: string;
}

// The column lists of each row type, written once and shared by the batched Sources and the
// naive resolvers, so both read exactly the same rows.
export const USER_COLUMNS = 'id, name, email';
/** UserRow's properties are its columns, in table order (Users' projection picks from these). */
export const USER_FIELDS = ['id', 'name', 'email'] as const satisfies readonly (keyof UserRow)[];
export const TAG_COLUMNS = 'id, name';
export const POST_COLUMNS =
  'id, title, author_id AS "authorId", editor_id AS "editorId", tag_ids AS "tagIds"';
export const COMMENT_COLUMNS = 'id, post_id AS "postId", author_id AS "authorId", body';
