// Projection with the other loading features: loadMany, the cache policies (a map shared by
// several Dataloaders included), rows in any order (rowKey, groupKey), and the refetch of a key
// whose cached value lacks a field. Every scheduler mode; exact fetch logs.
import { type Projection, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { modes } from './support.js';

interface UserRow {
  id: number;
  name: string;
  email: string;
}
interface CommentRow {
  id: number;
  postId: number;
  body: string;
}

const USERS: UserRow[] = [
  { id: 2, name: 'Brian', email: 'brian@example.com' },
  { id: 1, name: 'Ada', email: 'ada@example.com' },
];
const COMMENTS: CommentRow[] = [
  { id: 11, postId: 1, body: 'first' },
  { id: 12, postId: 1, body: 'second' },
];

type Fetched = [number[], string[] | null];

/** The columns a SQL Source would read: the fields asked for (all when null), and `with`. */
function pick<R extends object>(row: R, fields: ReadonlySet<string> | null, ...with_: string[]) {
  if (fields === null) return { ...row };
  const out: Record<string, unknown> = {};
  for (const field of [...with_, ...fields]) out[field] = row[field as keyof R];
  return out as R;
}

function users(cache: unknown = true, keyColumn = true) {
  const log: Fetched[] = [];
  class Users extends Source<number, UserRow | null> {
    static override readonly projection = true;
    override get cache() {
      return cache as boolean;
    }
    override rowKey(user: UserRow) {
      return user.id;
    }
    fetch(ids: readonly number[], { fields }: Projection<UserRow | null>) {
      log.push([[...ids], fields === null ? null : [...fields]]);
      const rows = USERS.filter((user) => ids.includes(user.id));
      return rows.map((row) => pick(row, fields, ...(keyColumn ? ['id'] : [])));
    }
  }
  return { Users, log };
}

describe.each(modes)('$name: projection with loading', (mode) => {
  it('loadMany carries the fields to each key', async () => {
    const { Users, log } = users();
    const dl = mode.create();
    const values = await dl.with(Users).loadMany([2, 1, 3], ['name']);
    expect(values).toEqual([{ id: 2, name: 'Brian' }, { id: 1, name: 'Ada' }, null]);
    expect(log).toEqual([[[2, 1, 3], ['name']]]);
  });

  it('a refetch for another field keeps the fields the cached value had: it serves both', async () => {
    const { Users, log } = users();
    const dl = mode.create();
    await dl.with(Users).load(1, ['name']);
    expect(await dl.with(Users).load(1, ['email'])).toEqual(USERS[1]);
    expect(dl.with(Users).load(1, ['name']).settled).toBe(true);
    expect(dl.with(Users).load(1, ['email']).settled).toBe(true);
    expect(log).toEqual([
      [[1], ['name']],
      [[1], ['email', 'name']],
    ]);
  });

  it('cache: false and { max }: each fetch gets the fields of its own loads', async () => {
    for (const policy of [false, { max: 1 }]) {
      const { Users, log } = users(policy);
      const dl = mode.create();
      await Promise.all([dl.with(Users).load(1, ['name']), dl.with(Users).load(1, ['email'])]);
      await dl.with(Users).load(2, ['email']);
      expect(await dl.with(Users).load(1, ['email'])).toEqual({ id: 1, email: 'ada@example.com' });
      expect(log).toEqual([
        [[1], ['name', 'email']],
        [[2], ['email']],
        [[1], ['email']],
      ]);
    }
  });

  it('a cache map shared by two Dataloaders: a value fetched with some fields serves only those', async () => {
    const shared = new Map();
    const { Users, log } = users(shared);
    const first = mode.create();
    await first.with(Users).load(1, ['name']);
    const second = mode.create();
    expect(second.with(Users).load(1, ['name']).settled).toBe(true);
    expect(await second.with(Users).load(1, ['email'])).toEqual(USERS[1]);
    expect(log).toEqual([
      [[1], ['name']],
      [[1], ['email', 'name']],
    ]);
  });

  it('a rowKey that finds no key in a row fails the batch, naming the Source and the row', async () => {
    const { Users, log } = users(true, false);
    const dl = mode.create();
    await expect(dl.with(Users).load(1, ['name'])).rejects.toThrow(
      'Users.rowKey(row) returned undefined for the row { name: "Ada" }: every row must carry its ' +
        "key, so a Source that projects reads the key's column even when projection.fields " +
        'leaves it out.',
    );
    expect(log).toEqual([[[1], ['name']]]);
  });

  it('groupKey: a row without its key fails the batch the same way', async () => {
    class CommentsByPost extends Source<number, CommentRow[]> {
      static override readonly projection = true;
      override groupKey(comment: CommentRow) {
        return comment.postId;
      }
      fetch(postIds: readonly number[], { fields }: Projection<CommentRow[]>) {
        return COMMENTS.filter((c) => postIds.includes(c.postId)).map((c) => pick(c, fields));
      }
    }
    const dl = mode.create();
    await expect(dl.with(CommentsByPost).load(1, ['body'])).rejects.toThrow(
      'CommentsByPost.groupKey(row) returned undefined for the row { body: "first" }: every row ' +
        "must carry its key, so a Source that projects reads the key's column even when " +
        'projection.fields leaves it out.',
    );
    expect(await dl.with(CommentsByPost).load(2)).toEqual([]);
  });
});
