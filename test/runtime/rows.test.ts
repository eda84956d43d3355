// Sources whose fetch returns rows in any order and declares how a row names its key: rowKey
// (one row per key; a key without one gets missing(key)) or groupKey (rows grouped per key; a key
// without any gets []). Every scheduler mode; exact batch logs.
import { Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Log, modes } from './support.js';

interface UserRow {
  id: number;
  name: string;
}
interface CommentRow {
  id: number;
  postId: number;
}

/** A table that answers in its own order (newest first) and skips ids it does not have. */
const users: UserRow[] = [
  { id: 3, name: 'Cy' },
  { id: 2, name: 'Bo' },
  { id: 1, name: 'Al' },
];
const comments: CommentRow[] = [
  { id: 12, postId: 2 },
  { id: 11, postId: 1 },
  { id: 10, postId: 2 },
];

describe.each(modes)('$name: rows in any order', (mode) => {
  it('rowKey: rows are lined up with the keys; a key without a row gets null', async () => {
    const log: Log = [];
    class Users extends Source<number, UserRow | null> {
      override rowKey(user: UserRow) {
        return user.id;
      }
      async fetch(ids: readonly number[]) {
        log.push(['Users', [...ids]]);
        return users.filter((user) => ids.includes(user.id));
      }
    }
    const dl = mode.create();
    const values = await dl.with(Users).loadAll([1, 9, 3, 1]);
    expect(values).toEqual([
      { id: 1, name: 'Al' },
      null,
      { id: 3, name: 'Cy' },
      { id: 1, name: 'Al' },
    ]);
    expect(log).toEqual([['Users', [1, 9, 3]]]);
  });

  it('missing(key): an Error rejects that key only; the first row of a key wins', async () => {
    const log: Log = [];
    class Strict extends Source<number, UserRow> {
      override rowKey(user: UserRow) {
        return user.id;
      }
      override missing(id: number) {
        return new Error(`no user ${id}`);
      }
      fetch(ids: readonly number[]) {
        log.push(['Strict', [...ids]]);
        return [...users, { id: 1, name: 'duplicate' }];
      }
    }
    const dl = mode.create();
    const values = await dl.with(Strict).loadMany([1, 7]);
    expect(values).toEqual([{ id: 1, name: 'Al' }, new Error('no user 7')]);
    await expect(dl.with(Strict).load(7)).rejects.toThrow('no user 7');
    expect(log).toEqual([['Strict', [1, 7]]]);
  });

  it('groupKey: each key gets its rows in row order, its own array; a key without rows gets []', async () => {
    const log: Log = [];
    class CommentsByPost extends Source<number, CommentRow[]> {
      override groupKey(comment: CommentRow) {
        return comment.postId;
      }
      async fetch(postIds: readonly number[]) {
        log.push(['CommentsByPost', [...postIds]]);
        return comments.filter((comment) => postIds.includes(comment.postId));
      }
    }
    const dl = mode.create();
    const [two, none, one, again] = await dl.with(CommentsByPost).loadAll([2, 5, 1, 5]);
    expect(two?.map((c) => c.id)).toEqual([12, 10]);
    expect(one?.map((c) => c.id)).toEqual([11]);
    expect(none).toEqual([]);
    expect(again).toBe(none);
    expect(log).toEqual([['CommentsByPost', [2, 5, 1]]]);
  });

  it('a key cleared while its batch is still open joins it twice: both entries get its rows', async () => {
    const log: Log = [];
    class Users extends Source<number, UserRow | null> {
      override rowKey(user: UserRow) {
        return user.id;
      }
      fetch(ids: readonly number[]) {
        log.push(['Users', [...ids]]);
        return users;
      }
    }
    class CommentsByPost extends Source<number, CommentRow[]> {
      override groupKey(comment: CommentRow) {
        return comment.postId;
      }
      fetch(postIds: readonly number[]) {
        log.push(['CommentsByPost', [...postIds]]);
        return comments;
      }
    }
    const dl = mode.create();
    const first = dl.with(Users).load(2);
    const second = dl.with(Users).clear(2).load(2);
    const groups = [dl.with(CommentsByPost).load(1), dl.with(CommentsByPost).clear(1).load(1)];
    expect(second === first).toBe(false);
    expect(await Promise.all([first, second])).toEqual([users[1], users[1]]);
    expect((await Promise.all(groups)).map((g) => g.map((c) => c.id))).toEqual([[11], [11]]);
    expect(log).toEqual([
      ['Users', [2, 2]],
      ['CommentsByPost', [1, 1]],
    ]);
  });

  it('a generator fetch that loads another source and returns its rows as a Promise', async () => {
    const log: Log = [];
    class Names extends Source<number, string> {
      fetch(ids: readonly number[]) {
        log.push(['Names', [...ids]]);
        return ids.map((id) => `name${id}`);
      }
    }
    class Authors extends Source<number, UserRow | null> {
      override rowKey(user: UserRow) {
        return user.id;
      }
      *fetch(ids: readonly number[]) {
        log.push(['Authors', [...ids]]);
        const names = yield* this.dataloader.with(Names).loadAll(ids.filter((id) => id < 5));
        return Promise.resolve(names.map((name, i) => ({ id: ids[i] as number, name })).reverse());
      }
    }
    const dl = mode.create();
    const job = dl.run(function* () {
      return yield* dl.with(Authors).loadAll([1, 2, 8]);
    });
    expect(await job).toEqual([{ id: 1, name: 'name1' }, { id: 2, name: 'name2' }, null]);
    expect(log).toEqual([
      ['Authors', [1, 2, 8]],
      ['Names', [1, 2]],
    ]);
  });

  it('rows match keys by the Source identity: an overridden cacheKey, and object keys by value', async () => {
    const log: Log = [];
    class ByLogin extends Source<string, { login: string } | null> {
      override cacheKey(login: string) {
        return login.toLowerCase();
      }
      override rowKey(row: { login: string }) {
        return row.login;
      }
      fetch(logins: readonly string[]) {
        log.push(['ByLogin', [...logins]]);
        return [{ login: 'ADA' }];
      }
    }
    type MemberKey = { orgId: number; userId: number };
    class Members extends Source<
      MemberKey,
      { orgId: number; userId: number; role: string } | null
    > {
      override rowKey(row: { orgId: number; userId: number }) {
        return { userId: row.userId, orgId: row.orgId };
      }
      fetch(keys: readonly MemberKey[]) {
        log.push(['Members', [...keys]]);
        return [{ orgId: 1, userId: 2, role: 'admin' }];
      }
    }
    const dl = mode.create();
    expect(await dl.with(ByLogin).loadAll(['ada', 'bob'])).toEqual([{ login: 'ADA' }, null]);
    const members = await dl.with(Members).loadAll([
      { orgId: 1, userId: 2 },
      { orgId: 2, userId: 1 },
    ]);
    expect(members).toEqual([{ orgId: 1, userId: 2, role: 'admin' }, null]);
    expect(log).toEqual([
      ['ByLogin', ['ada', 'bob']],
      [
        'Members',
        [
          { orgId: 1, userId: 2 },
          { orgId: 2, userId: 1 },
        ],
      ],
    ]);
  });

  it('a result that is not rows, or a rowKey that throws, fails the batch only, and is not cached', async () => {
    const log: Log = [];
    let calls = 0;
    class Flaky extends Source<number, UserRow | null> {
      override rowKey(user: UserRow) {
        if (user.id === 2) throw new Error('bad row 2');
        return user.id;
      }
      fetch(ids: readonly number[]) {
        log.push(['Flaky', [...ids]]);
        calls++;
        if (calls === 1) return 42 as unknown as UserRow[];
        return calls === 2 ? users : users.filter((user) => user.id !== 2);
      }
    }
    const dl = mode.create();
    const src = dl.with(Flaky);
    await expect(src.load(1)).rejects.toThrow(
      'Flaky.fetch() must return the rows (an array or other iterable, in any order), since the ' +
        'Source declares rowKey(row), but got: 42.',
    );
    await expect(src.load(1)).rejects.toThrow('bad row 2');
    expect(await src.load(1)).toEqual({ id: 1, name: 'Al' });
    expect(log).toEqual([
      ['Flaky', [1]],
      ['Flaky', [1]],
      ['Flaky', [1]],
    ]);
  });

  it('rowKey and groupKey both declared: the batch fails with a TypeError saying which to keep', async () => {
    class Both extends Source<number, CommentRow[]> {
      override rowKey(): number {
        return 0;
      }
      override groupKey(comment: CommentRow) {
        return comment.postId;
      }
      fetch() {
        return comments;
      }
    }
    const dl = mode.create();
    await expect(dl.with(Both).load(1)).rejects.toThrow(
      'Both declares both rowKey(row) and groupKey(row): declare rowKey when each key has one ' +
        'row, groupKey when each key has a list of rows.',
    );
  });

  it('a rowKey that is not a method: the batch fails naming the Source and the value', async () => {
    class Misdeclared extends Source<number, UserRow | null> {
      fetch() {
        return users;
      }
    }
    // As plain JavaScript could declare it: a property, not a method.
    Object.defineProperty(Misdeclared.prototype, 'rowKey', { value: 'id' });
    const dl = mode.create();
    await expect(dl.with(Misdeclared).load(1)).rejects.toThrow(
      'Misdeclared.rowKey must be a method that returns the key of a row, but got: "id".',
    );
  });
});
