// A deterministic seed: the same sizes always give the same rows (a seeded PRNG, no Date, no
// Math.random), so the demo's figures and the end-to-end tests' expectations are reproducible.
// Rows are generated in memory first (tests join them in memory to get the expected answer),
// then written with one INSERT … SELECT FROM unnest(…) per table, which keeps 60,000 rows to a
// fraction of a second.
import type { Database } from './db.js';
import type { CommentRow, PostRow, TagRow, UserRow } from './models.js';

export interface SeedSizes {
  readonly users: number;
  readonly posts: number;
  readonly comments: number;
  readonly tags: number;
}

/** The size of the example's database. */
export const FULL_SIZE: SeedSizes = { users: 1_000, posts: 10_000, comments: 50_000, tags: 40 };

/**
 * `FULL_SIZE` scaled down (the end-to-end tests use 0.02): at least one row of each, and at
 * least ten tags, so that posts still get several distinct tags.
 */
export function scaledSizes(scale: number): SeedSizes {
  if (!(scale > 0 && scale <= 1)) {
    throw new Error(`SEED_SCALE must be a number in (0, 1], got ${scale}`);
  }
  const of = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    users: of(FULL_SIZE.users),
    posts: of(FULL_SIZE.posts),
    comments: of(FULL_SIZE.comments),
    tags: Math.max(of(FULL_SIZE.tags), Math.min(FULL_SIZE.tags, 10)),
  };
}

/** The sizes an entry point uses: full, or scaled by the SEED_SCALE environment variable. */
export function sizesFromEnv(scale: string | undefined): SeedSizes {
  return scale === undefined || scale === '' ? FULL_SIZE : scaledSizes(Number(scale));
}

export interface SeedData {
  readonly users: readonly UserRow[];
  readonly tags: readonly TagRow[];
  readonly posts: readonly PostRow[];
  readonly comments: readonly CommentRow[];
}

/** mulberry32: a tiny 32-bit PRNG, good enough for demo data and identical on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson'];
const VERBS = ['Understanding', 'Batching', 'Caching', 'Profiling', 'Scheduling', 'Testing'];
const TOPICS = ['resolvers', 'N+1 queries', 'generators', 'Postgres', 'dataloaders', 'schemas'];
const TAGS = ['graphql', 'typescript', 'postgres', 'performance', 'node', 'testing', 'design'];
const REMARKS = ['Great post!', 'Thanks, this helped.', 'I disagree.', 'Source?', '+1', 'Typo.'];

/** The rows of a database of the given sizes. Ids start at 1 and are dense. */
export function generateSeed(sizes: SeedSizes): SeedData {
  const random = prng(0x5eed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)] as T;

  const users: UserRow[] = [];
  for (let id = 1; id <= sizes.users; id++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    users.push({ id, name: `${first} ${last}`, email: `${first}.${last}.${id}@example.com` });
  }
  const tags: TagRow[] = [];
  for (let id = 1; id <= sizes.tags; id++) {
    const base = TAGS[(id - 1) % TAGS.length] as string;
    tags.push({ id, name: id <= TAGS.length ? base : `${base}-${Math.ceil(id / TAGS.length)}` });
  }
  const posts: PostRow[] = [];
  for (let id = 1; id <= sizes.posts; id++) {
    const tagIds = new Set<number>();
    for (let n = below(4); n > 0; n--) tagIds.add(1 + below(sizes.tags));
    posts.push({
      id,
      title: `${pick(VERBS)} ${pick(TOPICS)}, part ${id}`,
      authorId: 1 + below(sizes.users),
      // About 40% of the posts have an editor: the nullable key.
      editorId: random() < 0.4 ? 1 + below(sizes.users) : null,
      tagIds: [...tagIds],
    });
  }
  const comments: CommentRow[] = [];
  for (let id = 1; id <= sizes.comments; id++) {
    comments.push({
      id,
      postId: 1 + below(sizes.posts),
      authorId: 1 + below(sizes.users),
      body: pick(REMARKS),
    });
  }
  return { users, tags, posts, comments };
}

// No foreign keys on author_id / editor_id / tag_ids: users and tags can be deleted while posts
// keep their ids (the end-to-end tests do so), and the loaders must answer such dangling keys
// with null or NOT_FOUND as the schema's nullability says.
const DDL = `
DROP TABLE IF EXISTS comments, posts, tags, users;
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text NOT NULL);
CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
  id integer PRIMARY KEY,
  title text NOT NULL,
  author_id integer NOT NULL,
  editor_id integer,
  tag_ids integer[] NOT NULL
);
CREATE TABLE comments (
  id integer PRIMARY KEY,
  post_id integer NOT NULL,
  author_id integer NOT NULL,
  body text NOT NULL
);
`;

// Created after the rows are in: building an index once is faster than maintaining it per row.
const INDEXES = 'CREATE INDEX comments_post_id_id ON comments (post_id, id); ANALYZE;';

export interface SeedResult {
  readonly data: SeedData;
  readonly milliseconds: number;
}

/** Drops and recreates the example's tables and fills them with `generateSeed(sizes)`. */
export async function seed(db: Database, sizes: SeedSizes = FULL_SIZE): Promise<SeedResult> {
  const started = performance.now();
  const data = generateSeed(sizes);
  await db.exec(DDL);
  const column = <R, V>(rows: readonly R[], of: (row: R) => V) => rows.map(of);
  await db.query('INSERT INTO users SELECT * FROM unnest($1::int[], $2::text[], $3::text[])', [
    column(data.users, (u) => u.id),
    column(data.users, (u) => u.name),
    column(data.users, (u) => u.email),
  ]);
  await db.query('INSERT INTO tags SELECT * FROM unnest($1::int[], $2::text[])', [
    column(data.tags, (t) => t.id),
    column(data.tags, (t) => t.name),
  ]);
  // unnest flattens a two-dimensional array, so each post's tag list travels as an array
  // literal ('{3,7}') and is cast back per row.
  await db.query(
    `INSERT INTO posts
     SELECT id, title, author_id, editor_id, tag_ids::int[]
     FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::text[])
       AS t(id, title, author_id, editor_id, tag_ids)`,
    [
      column(data.posts, (p) => p.id),
      column(data.posts, (p) => p.title),
      column(data.posts, (p) => p.authorId),
      column(data.posts, (p) => p.editorId),
      column(data.posts, (p) => `{${p.tagIds.join(',')}}`),
    ],
  );
  await db.query(
    'INSERT INTO comments SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])',
    [
      column(data.comments, (c) => c.id),
      column(data.comments, (c) => c.postId),
      column(data.comments, (c) => c.authorId),
      column(data.comments, (c) => c.body),
    ],
  );
  await db.exec(INDEXES);
  return { data, milliseconds: performance.now() - started };
}
