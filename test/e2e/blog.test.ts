// The blog's server in this process, on its own database, over HTTP on 127.0.0.1: the demo
// query's data and exact statement count, what unknown ids give (null or NOT_FOUND, as the
// schema's nullability says), and what a client reads and the server logs under yoga's default
// error masking (input errors shown, unexpected ones masked and logged). The same suite runs on the embedded PGlite and, when DATABASE_URL
// is set, on that PostgreSQL server (in its own schema).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/blog/src/app.js';
import { type Database, openDatabase } from '../../examples/blog/src/db.js';
import { DEMO_QUERY, DEMO_VARIABLES, type DemoData } from '../../examples/blog/src/demo.js';
import { type SeedData, scaledSizes, seed } from '../../examples/blog/src/seed.js';
import {
  batchedStatementCount,
  expectedDemoData,
  naiveStatementCount,
  post,
  TEST_SCALE,
} from './support/blog.js';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.log('blog on PostgreSQL: skipped, because DATABASE_URL is not set');
}

describe('blog on PGlite (embedded)', () => {
  blogSuite(() => openDatabase(undefined));
});

describe.skipIf(!DATABASE_URL)('blog on PostgreSQL (DATABASE_URL)', () => {
  blogSuite(() => openDatabase(DATABASE_URL, 'graphql_codegen_batch_e2e'));
});

// A post whose references all dangle: no user 900001/900002, no tag 900003 (no foreign keys,
// see seed.ts). Its only tag that exists is tag 1.
const DANGLING = { id: 900_000, authorId: 900_001, editorId: 900_002, tagId: 900_003 };

function blogSuite(open: () => Promise<Database>) {
  let db: Database;
  let data: SeedData;
  const servers: Server[] = [];
  let batchedUrl: string;
  let naiveUrl: string;
  /** What the batched app logged (yoga's logger), as [level, message] pairs. */
  const logged: [string, string][] = [];
  const log = (level: string) => (error: unknown) =>
    logged.push([
      level,
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    ]);
  const logging = { debug: () => {}, info: () => {}, warn: log('warn'), error: log('error') };

  beforeAll(async () => {
    db = await open();
    ({ data } = await seed(db, scaledSizes(TEST_SCALE)));
    await db.query("INSERT INTO posts VALUES ($1, 'Dangling', $2, $3, ARRAY[1, $4]::int[])", [
      DANGLING.id,
      DANGLING.authorId,
      DANGLING.editorId,
      DANGLING.tagId,
    ]);
    [batchedUrl, naiveUrl] = await Promise.all([
      listen(createApp(db, 'batched', { logging })),
      listen(createApp(db, 'naive', { logging })),
    ]);
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await db?.close();
  });

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  it('answers the demo query with the seed’s data in 5 statements (naive: one per field)', async () => {
    const expected = expectedDemoData(data, DEMO_VARIABLES);
    const batched = await post<DemoData>(batchedUrl, DEMO_QUERY, { ...DEMO_VARIABLES });
    expect(batched.errors).toBeUndefined();
    expect(batched.data).toEqual(expected);
    expect(batchedStatementCount(expected)).toBe(5);
    expect(batched.extensions?.sql?.statements).toBe(5);
    const naive = await post<DemoData>(naiveUrl, DEMO_QUERY, { ...DEMO_VARIABLES });
    expect(naive.data).toEqual(expected);
    expect(naive.extensions?.sql?.statements).toBe(naiveStatementCount(expected));
  });

  it('batches $parent keys: Post.stats counts the comments of every post in one statement', async () => {
    const query = '{ posts(first: 3) { id stats { commentCount tagCount } } }';
    const response = await post<{ posts: { id: string }[] }>(batchedUrl, query);
    expect(response.errors).toBeUndefined();
    const expected = data.posts.slice(0, 3).map((row) => ({
      id: String(row.id),
      stats: {
        commentCount: data.comments.filter((c) => c.postId === row.id).length,
        tagCount: row.tagIds.length,
      },
    }));
    expect(response.data).toEqual({ posts: expected });
    // Query.posts, then one statement for the stats of all three posts (naive: one per post).
    expect(response.extensions?.sql?.statements).toBe(2);
    const naive = await post(naiveUrl, query);
    expect(naive.data).toEqual({ posts: expected });
    expect(naive.extensions?.sql?.statements).toBe(4);
  });

  it('batches $args keys: three Query.post fields, one statement; unknown ids are null', async () => {
    const response = await post(
      batchedUrl,
      '{ a: post(id: "1") { id title } b: post(id: "2") { id } c: post(id: "999999") { id } d: post(id: "x1") { id } }',
    );
    expect(response).toMatchObject({
      data: { a: { id: '1', title: data.posts[0]?.title }, b: { id: '2' }, c: null, d: null },
      extensions: { sql: { statements: 1 } },
    });
    expect(response.errors).toBeUndefined();
  });

  it('a missing user behind a nullable field (Post.editor) is null, without an error', async () => {
    const response = await post(batchedUrl, `{ post(id: "${DANGLING.id}") { id editor { id } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ post: { id: String(DANGLING.id), editor: null } });
  });

  it('a missing user behind a non-null field (Post.author) is a NOT_FOUND error', async () => {
    const query = `{ post(id: "${DANGLING.id}") { id author { id } } }`;
    const response = await post(batchedUrl, query);
    // author is User!, so the error nulls the nullable parent, Query.post.
    expect(response.data).toEqual({ post: null });
    expect(response.errors).toEqual([
      {
        message: `User not found for key "${DANGLING.authorId}" (Post.author)`,
        locations: [{ line: 1, column: query.indexOf('author') + 1 }],
        path: ['post', 'author'],
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
  });

  it('a missing tag in a list key ([Tag!]!) is a NOT_FOUND error naming that key', async () => {
    const response = await post(batchedUrl, `{ post(id: "${DANGLING.id}") { id tags { id } } }`);
    expect(response.data).toEqual({ post: null });
    expect(response.errors).toMatchObject([
      {
        message: `Tag not found for key "${DANGLING.tagId}" (Post.tags)`,
        path: ['post', 'tags'],
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
  });

  it('a post without comments has [] (many: true), and `first` is a batch parameter', async () => {
    const response = await post(
      batchedUrl,
      `{ post(id: "${DANGLING.id}") { comments { id } } posts(first: 3) { few: comments(first: 1) { id } many: comments(first: 2) { id } } }`,
    );
    expect(response.errors).toBeUndefined();
    const firstIds = (postId: number, n: number) =>
      data.comments
        .filter((c) => c.postId === postId)
        .map((c) => c.id)
        .sort((a, b) => a - b)
        .slice(0, n)
        .map((id) => ({ id: String(id) }));
    expect(response.data).toEqual({
      post: { comments: [] },
      posts: [1, 2, 3].map((id) => ({ few: firstIds(id, 1), many: firstIds(id, 2) })),
    });
    // Query.post and Query.posts, then one CommentsByPost batch per distinct `first` (10, 1, 2).
    expect(response.extensions?.sql?.statements).toBe(5);
  });

  it('an input error reaches the client with its message and BAD_USER_INPUT; nothing is logged', async () => {
    logged.length = 0;
    const query = '{ posts(first: 1000000) { id } }';
    const tooMany = [
      {
        message: 'Query.posts(first:) must be between 0 and 1000, got 1000000',
        locations: [{ line: 1, column: 3 }],
        path: ['posts'],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ];
    for (const url of [batchedUrl, naiveUrl]) {
      const response = await post(url, query);
      expect(response.data).toBeNull();
      expect(response.errors).toEqual(tooMany);
    }
    const comments = '{ posts(first: 1) { comments(first: -1) { id } } }';
    const negative = [
      {
        message: 'Post.comments(first:) must be a non-negative integer, got -1',
        locations: [{ line: 1, column: comments.indexOf('comments') + 1 }],
        path: ['posts', 0, 'comments'],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ];
    expect((await post(batchedUrl, comments)).errors).toEqual(negative);
    expect((await post(naiveUrl, comments)).errors).toEqual(negative);
    expect(logged).toEqual([]);
  });

  it('an unexpected error is masked for the client (HTTP 500) and logged with its message', async () => {
    logged.length = 0;
    // Deep enough to overflow graphql-js's recursive parser: a failure no resolver expects.
    const depth = 10_000;
    const query = `{ ${'posts { '.repeat(depth)}id${' }'.repeat(depth)} }`;
    const response = await fetch(batchedUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    // (Yoga logs a masked error once where it masks it and once where it handles the result.)
    expect([...new Set(logged.map((entry) => entry.join(' ')))]).toEqual([
      'error RangeError: Maximum call stack size exceeded',
    ]);
  });
}
