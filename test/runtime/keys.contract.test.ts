// The runtime side of the key forms, in every mode: composite (object) keys are one entry per
// value, `$parent` sources (whose generated class returns the key itself from cacheKey) one
// entry per object, and batchParams gives an omitted argument and an explicit null one instance.
import { batchParams, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Log, modes } from './support.js';

interface Row {
  readonly id: string;
}

describe.each(modes)('$name', (mode) => {
  it('composite keys: equal objects (in any property order) share one entry of one batch', async () => {
    const log: Log = [];
    class Memberships extends Source<{ orgId: string; userId: string }, string> {
      fetch(keys: { orgId: string; userId: string }[]) {
        log.push(['Memberships', keys]);
        return keys.map((k) => `${k.userId}@${k.orgId}`);
      }
    }
    const dl = mode.create();
    const source = dl.with(Memberships);
    const a = source.load({ orgId: 'o1', userId: 'u1' });
    const b = source.load({ userId: 'u1', orgId: 'o1' });
    const c = source.load({ orgId: 'o1', userId: 'u2' });
    expect(b).toBe(a);
    expect(await Promise.all([a, b, c])).toEqual(['u1@o1', 'u1@o1', 'u2@o1']);
    expect(log).toEqual([
      [
        'Memberships',
        [
          { orgId: 'o1', userId: 'u1' },
          { orgId: 'o1', userId: 'u2' },
        ],
      ],
    ]);
  });

  it('parent keys: one entry per object, so an equal copy is fetched again, in the same batch', async () => {
    const log: Log = [];
    class Stats extends Source<Row, number> {
      override cacheKey(key: Row): unknown {
        return key;
      }
      fetch(rows: Row[]) {
        log.push(['Stats', rows]);
        return rows.map((row) => row.id.length);
      }
    }
    const p1: Row = { id: 'p1' };
    const copy: Row = { id: 'p1' };
    const dl = mode.create();
    const source = dl.with(Stats);
    const loads = [source.load(p1), source.load(p1), source.load(copy)];
    expect(loads[1]).toBe(loads[0]);
    expect(await Promise.all(loads)).toEqual([2, 2, 2]);
    const [[, keys] = []] = log;
    expect(log).toHaveLength(1);
    expect(keys).toHaveLength(2);
    expect(keys?.[0]).toBe(p1);
    expect(keys?.[1]).toBe(copy);
  });

  it('batchParams: an omitted argument and an explicit null reach the same Source instance', async () => {
    class Books extends Source<string, string, { genre: string | null }> {
      fetch(ids: string[]) {
        return ids.map((id) => `${id}:${this.params.genre ?? 'any'}`);
      }
    }
    const omitted: { genre?: string | null } = {};
    const dl = mode.create();
    const a = dl.with(Books, batchParams(omitted, ['genre']));
    const b = dl.with(Books, batchParams({ genre: null }, ['genre']));
    const c = dl.with(Books, batchParams({ genre: 'poetry' }, ['genre']));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(await Promise.all([a.load('x'), c.load('x')])).toEqual(['x:any', 'x:poetry']);
  });
});
