// Projection: a Source with `static projection = true` receives, next to its keys, the union of
// the fields its batch's loads asked for; a load without fields asks for everything; a value
// fetched with some fields answers only loads of those.
import { type FieldOf, type Projection, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { deferred, modes, turns } from './support.js';

interface UserRow {
  id: number;
  name: string;
  email: string;
  bio: string;
}

const TABLE: Record<number, UserRow> = {
  1: { id: 1, name: 'Ada', email: 'ada@example.com', bio: 'Engines' },
  2: { id: 2, name: 'Brian', email: 'brian@example.com', bio: 'Unix' },
};

type Fetched = [number[], string[] | null];

function users(projection = true) {
  const log: Fetched[] = [];
  class Users extends Source<number, UserRow | null> {
    static override readonly projection = projection;
    fetch(ids: readonly number[], { fields }: Projection<UserRow | null>) {
      log.push([[...ids], fields === null ? null : [...fields]]);
      // Only the columns asked for (and the key), as a SQL Source would read them.
      return ids.map((id) => {
        if (id === 4) return new Error('user 4: no access');
        const row = TABLE[id];
        if (row === undefined) return null;
        if (fields === null) return { ...row };
        const out: Record<string, unknown> = { id };
        for (const field of fields) out[field] = row[field];
        return out as unknown as UserRow;
      });
    }
  }
  return { Users, log };
}

describe.each(modes)('$name: projection', (mode) => {
  it('one batch fetches the union of the fields its loads asked for', async () => {
    const { Users, log } = users();
    const dl = mode.create();
    const [a, b, c] = await Promise.all([
      dl.with(Users).load(1, ['name']),
      dl.with(Users).load(2, ['email']),
      dl.with(Users).load(1, ['name', 'bio']),
    ]);
    expect(log).toEqual([
      [
        [1, 2],
        ['name', 'email', 'bio'],
      ],
    ]);
    // Every key of the batch gets the union: user 1's email too.
    expect(a).toEqual(TABLE[1]);
    expect(b?.email).toBe('brian@example.com');
    expect(c).toBe(a);
  });

  it('a load without fields (a hand-written load) makes the batch fetch everything', async () => {
    const { Users, log } = users();
    const dl = mode.create();
    await Promise.all([dl.with(Users).load(1, ['name']), dl.with(Users).load(2)]);
    expect(log).toEqual([[[1, 2], null]]);
  });

  it('a value fetched with some fields serves loads of those, and fetches again for others', async () => {
    const { Users, log } = users();
    const dl = mode.create();
    await dl.with(Users).load(1, ['name', 'email']);
    const served = dl.with(Users).load(1, ['email']);
    expect(served.settled).toBe(true);
    // Fetched again with the fields the cached value had, too: it serves both.
    const wider = await dl.with(Users).load(1, ['bio']);
    expect(wider).toEqual(TABLE[1]);
    expect(dl.with(Users).load(1, ['name']).settled).toBe(true);
    const everything = await dl.with(Users).load(1);
    expect(everything).toEqual(TABLE[1]);
    // Fetched with everything: every later load is served from the cache.
    expect(dl.with(Users).load(1, ['name']).settled).toBe(true);
    expect(log).toEqual([
      [[1], ['name', 'email']],
      [[1], ['bio', 'name', 'email']],
      [[1], null],
    ]);
  });

  it('a key whose batch is in flight with other fields is fetched again for the new ones', async () => {
    const gate = deferred<void>();
    const log: Fetched[] = [];
    class Slow extends Source<number, string[]> {
      static override readonly projection = true;
      async fetch(ids: readonly number[], { fields }: Projection<string[]>) {
        log.push([[...ids], fields === null ? null : [...fields]]);
        await gate.promise;
        return ids.map(() => (fields === null ? ['everything'] : [...fields]));
      }
    }
    const dl = mode.create();
    const first = dl.with(Slow).load(1, ['length']);
    await turns();
    expect(log).toEqual([[[1], ['length']]]);
    const second = dl.with(Slow).load(1);
    gate.resolve();
    expect(await first).toEqual(['length']);
    expect(await second).toEqual(['everything']);
    expect(log).toEqual([
      [[1], ['length']],
      [[1], null],
    ]);
  });

  it('a Source without static projection gets null and keeps serving from its cache', async () => {
    const { Users, log } = users(false);
    const dl = mode.create();
    await dl.with(Users).load(1, ['name']);
    expect(dl.with(Users).load(1, ['bio']).settled).toBe(true);
    expect(dl.with(Users).load(1).settled).toBe(true);
    expect(log).toEqual([[[1], null]]);
  });

  it('an Error or a missing value (null) serves every later load: it has no fields', async () => {
    const { Users, log } = users();
    const dl = mode.create();
    expect(await dl.with(Users).load(3, ['name'])).toBeNull();
    expect(dl.with(Users).load(3).settled).toBe(true);
    expect(dl.with(Users).load(3, ['email']).settled).toBe(true);
    await expect(dl.with(Users).load(4, ['name'])).rejects.toThrow('user 4: no access');
    expect(dl.with(Users).load(4).settled).toBe(true);
    expect(log).toEqual([
      [[3], ['name']],
      [[4], ['name']],
    ]);
  });

  it('loadAll carries the fields to each key', async () => {
    const { Users, log } = users();
    const dl = mode.create();
    await dl.with(Users).loadAll([2, 1, 2], ['name']);
    expect(log).toEqual([[[2, 1], ['name']]]);
  });
});

it('types the fields by the value type', () => {
  expectTypeOf<FieldOf<UserRow | null>>().toEqualTypeOf<'id' | 'name' | 'email' | 'bio'>();
  expectTypeOf<FieldOf<UserRow[]>>().toEqualTypeOf<'id' | 'name' | 'email' | 'bio'>();
  class Users extends Source<number, UserRow | null> {
    fetch(ids: readonly number[]) {
      return ids.map(() => null);
    }
  }
  const users = null as unknown as Users;
  // @ts-expect-error: not a field of UserRow
  users?.load(1, ['nmae']);
});
