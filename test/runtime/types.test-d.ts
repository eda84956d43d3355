import {
  all,
  Dataloader,
  type KeyOf,
  type Load,
  type ParamsOf,
  type PromiseOrValue,
  Source,
  type SourceClass,
  type ValueOf,
} from 'graphql-codegen-batch/runtime';
import { describe, expectTypeOf, it } from 'vitest';

interface UserRow {
  id: string;
  name: string;
}

class Users extends Source<string, UserRow> {
  async fetch(ids: string[]) {
    return ids.map((id) => ({ id, name: id }));
  }
}

class Comments extends Source<string, string[], { first: number }> {
  *fetch(ids: string[]) {
    const users = yield* this.dataloader.with(Users).loadAll(ids);
    return users.map((u) => [u.name].slice(0, this.params.first));
  }
}

describe('runtime types', () => {
  const dl = new Dataloader();

  it('yield* load has the value type; all() gives a typed tuple', () => {
    dl.run(function* () {
      const user = yield* dl.with(Users).load('1');
      expectTypeOf(user).toEqualTypeOf<UserRow>();
      const [u, cs] = yield* all([
        dl.with(Users).load('1'),
        dl.with(Comments, { first: 1 }).load('1'),
      ]);
      expectTypeOf(u).toEqualTypeOf<UserRow>();
      expectTypeOf(cs).toEqualTypeOf<string[]>();
      return user.name;
    });
  });

  it('run returns the job value or a Promise of it; load is awaitable', async () => {
    const r = dl.run(function* () {
      return (yield* dl.with(Users).load('1')).name;
    });
    expectTypeOf(r).toEqualTypeOf<PromiseOrValue<string>>();
    expectTypeOf(dl.with(Users).load('1')).toEqualTypeOf<Load<UserRow>>();
    expectTypeOf(await dl.with(Users).loadAll(['1'])).toEqualTypeOf<UserRow[]>();
  });

  it('KeyOf / ValueOf / ParamsOf read a Source class', () => {
    expectTypeOf<KeyOf<Users>>().toEqualTypeOf<string>();
    expectTypeOf<ValueOf<Comments>>().toEqualTypeOf<string[]>();
    expectTypeOf<ParamsOf<Comments>>().toEqualTypeOf<{ first: number }>();
  });

  it('wrong key, wrong params, missing params and a fetch of the wrong value type are errors', () => {
    // @ts-expect-error: the key is a string.
    dl.with(Users).load(1);
    // @ts-expect-error: params are { first: number }.
    dl.with(Comments, { first: 'ten' });
    // @ts-expect-error: this Source needs params.
    dl.with(Comments);
    class Wrong extends Source<string, UserRow> {
      // @ts-expect-error: fetch must return UserRow values.
      async fetch(ids: string[]) {
        return ids.map((id) => ({ id }));
      }
    }
    expectTypeOf(Wrong).toBeConstructibleWith(dl, undefined);
  });

  it('a fetch may take readonly or mutable key arrays: KeyOf, ValueOf, ParamsOf, with, load agree', () => {
    abstract class CommentsByPostSource extends Source<number, string[], { first: number }> {}
    class ReadonlyKeys extends CommentsByPostSource {
      async fetch(postIds: readonly number[]) {
        return postIds.map((id) => [`${id}`].slice(0, this.params.first));
      }
    }
    class MutableKeys extends CommentsByPostSource {
      fetch(postIds: number[]) {
        return postIds.map((id) => [`${id}`]);
      }
    }
    class ReadonlyGenerator extends Source<string, UserRow> {
      *fetch(ids: readonly string[]) {
        return yield* dl.with(Users).loadAll(ids);
      }
    }
    expectTypeOf<KeyOf<ReadonlyKeys>>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<ReadonlyKeys>>().toEqualTypeOf<string[]>();
    expectTypeOf<ParamsOf<ReadonlyKeys>>().toEqualTypeOf<{ first: number }>();
    expectTypeOf<KeyOf<MutableKeys>>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<MutableKeys>>().toEqualTypeOf<string[]>();
    expectTypeOf<ParamsOf<MutableKeys>>().toEqualTypeOf<{ first: number }>();
    expectTypeOf<KeyOf<ReadonlyGenerator>>().toEqualTypeOf<string>();
    expectTypeOf<ValueOf<ReadonlyGenerator>>().toEqualTypeOf<UserRow>();
    expectTypeOf(dl.with(ReadonlyKeys, { first: 3 }).load(1)).toEqualTypeOf<Load<string[]>>();
    expectTypeOf(dl.with(MutableKeys, { first: 3 }).loadAll([1])).toEqualTypeOf<Load<string[][]>>();
    expectTypeOf(dl.with(ReadonlyGenerator).load('1')).toEqualTypeOf<Load<UserRow>>();
    const classes: { a: SourceClass<CommentsByPostSource>; b: SourceClass<CommentsByPostSource> } =
      { a: ReadonlyKeys, b: MutableKeys };
    expectTypeOf(classes.a).toEqualTypeOf<SourceClass<CommentsByPostSource>>();
    // @ts-expect-error: params are still checked with readonly keys.
    dl.with(ReadonlyKeys, { first: 'three' });
  });

  it('this.context has the context type a generated class carries; unknown by default', () => {
    interface Db {
      users(ids: readonly string[]): Promise<UserRow[]>;
    }
    interface Context {
      readonly dataloader: Dataloader;
      readonly db: Db;
    }
    // What the plugin emits for `contextType: ./context#Context`.
    abstract class UserSource extends Source<string, UserRow | null, undefined, Context> {}
    class ContextUsers extends UserSource {
      async fetch(ids: string[]) {
        expectTypeOf(this.context).toEqualTypeOf<Context>();
        const rows = await this.context.db.users(ids);
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      }
      override cacheKey(id: string) {
        expectTypeOf(this.context.db).toEqualTypeOf<Db>();
        return id;
      }
    }
    class WrongProperty extends UserSource {
      async fetch(ids: string[]) {
        // @ts-expect-error: the Context has no property "database".
        return ids.map(() => this.context.database);
      }
    }
    expectTypeOf(WrongProperty).toBeConstructibleWith(dl, undefined);
    expectTypeOf(new Users(dl, undefined).context).toBeUnknown();
    expectTypeOf(dl.context).toBeUnknown();
    const withContext = new Dataloader({ context: { db: 1 } });
    expectTypeOf(withContext.with(ContextUsers).load('1')).toEqualTypeOf<Load<UserRow | null>>();
  });
});
