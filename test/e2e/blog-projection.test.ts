// The blog's Users Source projects: the users statement of a request reads the columns the query
// selects below its authors and editors, and no others. Every statement the app runs is recorded
// (the database handle the app is given); the queries go over HTTP on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/blog/src/app.js';
import { type Database, type Db, openDatabase } from '../../examples/blog/src/db.js';
import { type SeedData, scaledSizes, seed } from '../../examples/blog/src/seed.js';
import { post, TEST_SCALE } from './support/blog.js';

let db: Database;
let data: SeedData;
let server: Server;
let url: string;
/** Every SQL statement the app ran, in order. */
const statements: string[] = [];

beforeAll(async () => {
  db = await openDatabase(undefined);
  ({ data } = await seed(db, scaledSizes(TEST_SCALE)));
  const recording: Db = {
    query(sql, params) {
      statements.push(sql.replace(/\s+/g, ' ').trim());
      return db.query(sql, params);
    },
  };
  server = createServer(createApp(recording, 'batched', { logging: false }));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server?.close();
  await db?.close();
});

/** The users statements of one query, and its data. */
async function usersStatementsOf(query: string) {
  statements.length = 0;
  const response = await post(url, query);
  expect(response.errors).toBeUndefined();
  return {
    users: statements.filter((sql) => sql.includes(' FROM users ')),
    data: response.data,
  };
}

const WHERE = 'FROM users WHERE id = ANY($1::int[])';

describe('blog: the Users Source reads the columns the query selects', () => {
  it('the column list grows and shrinks with the selection', async () => {
    expect((await usersStatementsOf('{ posts(first: 3) { author { name } } }')).users).toEqual([
      `SELECT id, name ${WHERE}`,
    ]);
    expect((await usersStatementsOf('{ posts(first: 3) { author { id } } }')).users).toEqual([
      `SELECT id ${WHERE}`,
    ]);
    // author and editor load from one batch: the union of both selections.
    const both = await usersStatementsOf(
      '{ posts(first: 3) { author { name } editor { email } } }',
    );
    expect(both.users).toEqual([`SELECT id, name, email ${WHERE}`]);
    expect((await usersStatementsOf('{ posts(first: 3) { title } }')).users).toEqual([]);
  });

  it('answers with the seed’s data, fragments and aliases included', async () => {
    const posts = data.posts.slice(0, 3);
    const nameOf = (id: number) => data.users.find((u) => u.id === id)?.name;
    const { users, data: answer } = await usersStatementsOf(
      '{ posts(first: 3) { writer: author { ...Person } } } fragment Person on User { name }',
    );
    expect(users).toEqual([`SELECT id, name ${WHERE}`]);
    expect(answer).toEqual({ posts: posts.map((p) => ({ writer: { name: nameOf(p.authorId) } })) });
  });

  it('a user read with some columns is read again, in the next round, for other columns', async () => {
    const { users, data: answer } = await usersStatementsOf(
      '{ posts(first: 3) { author { name } comments(first: 2) { author { email } } } }',
    );
    // Round 1 reads the authors' names; round 2 the comments' authors' emails: a user in both
    // rounds is read twice, each time with the column its own selection needs.
    expect(users).toEqual([`SELECT id, name ${WHERE}`, `SELECT id, email ${WHERE}`]);
    const emailOf = (id: number) => data.users.find((u) => u.id === id)?.email;
    const posts = data.posts.slice(0, 3);
    expect(answer).toEqual({
      posts: posts.map((p) => ({
        author: { name: data.users.find((u) => u.id === p.authorId)?.name },
        comments: data.comments
          .filter((c) => c.postId === p.id)
          .sort((a, b) => a.id - b.id)
          .slice(0, 2)
          .map((c) => ({ author: { email: emailOf(c.authorId) } })),
      })),
    });
  });

  it('a query that selects every column reads them all, as the naive resolvers do', async () => {
    const { users } = await usersStatementsOf('{ posts(first: 3) { author { id name email } } }');
    expect(users).toEqual([`SELECT id, name, email ${WHERE}`]);
  });
});
