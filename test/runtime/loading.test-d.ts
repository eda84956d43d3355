// Types of loadMany, the cache policy and Sources that return rows (rowKey / groupKey).
import {
  type CacheMap,
  type CachePolicy,
  Dataloader,
  type ElementOf,
  type Load,
  Source,
} from 'graphql-codegen-batch/runtime';
import { describe, expectTypeOf, it } from 'vitest';

interface UserRow {
  id: number;
  name: string;
}
interface CommentRow {
  id: number;
  postId: number;
}

// What the plugin emits: the value type says "one row or null" or "a list of rows".
abstract class UserSource extends Source<number, UserRow | null> {}
abstract class CommentsByPostSource extends Source<number, CommentRow[], { first: number }> {}

class Users extends UserSource {
  override rowKey(user: UserRow) {
    return user.id;
  }
  async fetch(ids: readonly number[]) {
    return ids.map((id) => ({ id, name: `${id}` }));
  }
}

class CommentsByPost extends CommentsByPostSource {
  override groupKey(comment: CommentRow) {
    return comment.postId;
  }
  *fetch(postIds: readonly number[]) {
    yield;
    return Promise.resolve(postIds.map((postId) => ({ id: postId, postId })));
  }
}

describe('loading types', () => {
  const dl = new Dataloader();

  it('loadMany gives one entry per key: the value or an Error, awaited or with yield*', async () => {
    expectTypeOf(dl.with(Users).loadMany([1, 2])).toEqualTypeOf<Load<(UserRow | null | Error)[]>>();
    expectTypeOf(await dl.with(Users).loadMany([1])).toEqualTypeOf<(UserRow | null | Error)[]>();
    dl.run(function* () {
      const comments = yield* dl.with(CommentsByPost, { first: 1 }).loadMany([1]);
      expectTypeOf(comments).toEqualTypeOf<(CommentRow[] | Error)[]>();
      return comments.length;
    });
    // @ts-expect-error: the keys are numbers.
    dl.with(Users).loadMany(['1']);
  });

  it('rowKey takes the row (the value without null); groupKey takes an item of the list', () => {
    expectTypeOf<ElementOf<CommentRow[]>>().toEqualTypeOf<CommentRow>();
    expectTypeOf<ElementOf<UserRow | null>>().toBeNever();
    class WrongKey extends UserSource {
      // @ts-expect-error: the key of a UserSource is a number.
      override rowKey(user: UserRow) {
        return user.name;
      }
      fetch(ids: readonly number[]) {
        return ids.map(() => null);
      }
    }
    class WrongGroupRow extends CommentsByPostSource {
      // @ts-expect-error: the rows of a CommentsByPostSource are CommentRows.
      override groupKey(user: UserRow) {
        return user.id;
      }
      fetch(ids: readonly number[]) {
        return ids.map(() => []);
      }
    }
    expectTypeOf(WrongKey).toBeConstructibleWith(dl, undefined);
    expectTypeOf(WrongGroupRow).toBeConstructibleWith(dl, { first: 1 });
  });

  it('fetch may return the rows of a list value; other wrong results stay errors', () => {
    class Rows extends CommentsByPostSource {
      override groupKey(comment: CommentRow) {
        return comment.postId;
      }
      async fetch(ids: readonly number[]) {
        return ids.map((id) => ({ id, postId: id }));
      }
    }
    class WrongRows extends CommentsByPostSource {
      // @ts-expect-error: neither one list per key nor rows of CommentRow.
      async fetch(ids: readonly number[]) {
        return ids.map((id) => ({ id }));
      }
    }
    class WrongValue extends UserSource {
      // @ts-expect-error: a UserSource returns UserRow rows (or values), not strings.
      fetch(ids: readonly number[]) {
        return ids.map(String);
      }
    }
    expectTypeOf(Rows).toBeConstructibleWith(dl, { first: 1 });
    expectTypeOf(WrongRows).toBeConstructibleWith(dl, { first: 1 });
    expectTypeOf(WrongValue).toBeConstructibleWith(dl, undefined);
  });

  it('missing(key) returns the value type or an Error', () => {
    class Strict extends Source<number, UserRow> {
      override rowKey(user: UserRow) {
        return user.id;
      }
      override missing(id: number) {
        return new Error(`no user ${id}`);
      }
      fetch(ids: readonly number[]) {
        return ids.map((id) => ({ id, name: '' }));
      }
    }
    class WrongMissing extends UserSource {
      // @ts-expect-error: missing returns a UserRow, null or an Error.
      override missing() {
        return 'none';
      }
      fetch(ids: readonly number[]) {
        return ids.map(() => null);
      }
    }
    expectTypeOf(dl.with(Strict).load(1)).toEqualTypeOf<Load<UserRow>>();
    expectTypeOf(WrongMissing).toBeConstructibleWith(dl, undefined);
  });

  it('cache: true, false, { max } or a map; anything else is an error', () => {
    class NoCache extends UserSource {
      override get cache() {
        return false;
      }
      fetch(ids: readonly number[]) {
        return ids.map(() => null);
      }
    }
    class Bounded extends UserSource {
      override get cache() {
        return { max: 100 };
      }
      fetch(ids: readonly number[]) {
        return ids.map(() => null);
      }
    }
    const lru: CacheMap<string, Load<UserRow | null>> = new Map();
    class OwnMap extends UserSource {
      override get cache() {
        return lru;
      }
      fetch(ids: readonly number[]) {
        return ids.map(() => null);
      }
    }
    class Wrong extends UserSource {
      // @ts-expect-error: not a cache policy.
      override get cache() {
        return 'lru';
      }
      fetch(ids: readonly number[]) {
        return ids.map(() => null);
      }
    }
    expectTypeOf<false>().toExtend<CachePolicy>();
    expectTypeOf<Map<number, Load<string>>>().toExtend<CachePolicy>();
    for (const S of [NoCache, Bounded, OwnMap, Wrong])
      expectTypeOf(S).toBeConstructibleWith(dl, undefined);
  });
});
