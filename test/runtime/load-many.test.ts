// loadMany: one entry per key, the value or that key's Error (DataLoader's loadMany), in every
// scheduler mode, awaited, in generator jobs and inside generator and async fetches.
import { Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { deferred, type Log, modes, turns } from './support.js';

function sources(log: Log) {
  /** Even keys have no row: their entries are Errors. */
  class Partial extends Source<number, string> {
    fetch(keys: readonly number[]) {
      log.push(['Partial', [...keys]]);
      return keys.map((k) => (k % 2 === 0 ? new Error(`no ${k}`) : `v${k}`));
    }
  }
  return { Partial };
}

describe.each(modes)('$name: loadMany', (mode) => {
  it('one entry per key, in key order, duplicates kept; errors are entries, not rejections', async () => {
    const log: Log = [];
    const { Partial } = sources(log);
    const dl = mode.create();
    const many = dl.with(Partial).loadMany([1, 2, 3, 2]);
    const values = await many;
    expect(values.map((v) => (v instanceof Error ? `Error: ${v.message}` : v))).toEqual([
      'v1',
      'Error: no 2',
      'v3',
      'Error: no 2',
    ]);
    expect(values[1]).toBe(values[3]);
    await expect(dl.with(Partial).loadAll([1, 2])).rejects.toThrow('no 2');
    expect(log).toEqual([['Partial', [1, 2, 3]]]);
  });

  it('in a generator job: yield* loadMany, next to load, one batch', async () => {
    const log: Log = [];
    const { Partial } = sources(log);
    const dl = mode.create();
    const job = dl.run(function* () {
      const [one, two] = yield* dl.with(Partial).loadMany([1, 4]);
      const three = yield* dl.with(Partial).load(3);
      return [one, two instanceof Error ? two.message : two, three];
    });
    const other = dl.with(Partial).load(5);
    expect(await job).toEqual(['v1', 'no 4', 'v3']);
    expect(await other).toBe('v5');
    expect(log).toEqual([
      ['Partial', [1, 4, 5]],
      ['Partial', [3]],
    ]);
  });

  it('cached keys: loadMany never waits, and loadMany([]) fetches nothing', () => {
    const log: Log = [];
    const { Partial } = sources(log);
    const dl = mode.create();
    const src = dl.with(Partial).prime(1, 'one').prime(2, new Error('primed'));
    const many = src.loadMany([1, 2]);
    expect(many.settled).toBe(true);
    expect(many.get()).toEqual(['one', new Error('primed')]);
    expect(dl.run(() => src.loadMany([]).get())).toEqual([]);
    expect(log).toEqual([]);
  });

  it('a failed batch fails its own keys only: each gets the batch error', async () => {
    const log: Log = [];
    class Split extends Source<number, string> {
      override get maxBatchSize() {
        return 2;
      }
      fetch(keys: readonly number[]) {
        log.push(['Split', [...keys]]);
        if (keys.includes(3)) throw new Error(`db down for ${keys.join(',')}`);
        return keys.map((k) => `v${k}`);
      }
    }
    const dl = mode.create();
    const values = await dl.with(Split).loadMany([1, 2, 3, 4]);
    expect(values.slice(0, 2)).toEqual(['v1', 'v2']);
    expect(values[2]).toEqual(new Error('db down for 3,4'));
    expect(values[3]).toBe(values[2]);
    expect(log).toEqual([
      ['Split', [1, 2]],
      ['Split', [3, 4]],
    ]);
  });

  it('a key that failed with something other than an Error gets an Error naming the key', async () => {
    class Rejects extends Source<string, string> {
      fetch(): Promise<string[]> {
        return Promise.reject('db down');
      }
    }
    const dl = mode.create();
    const [entry] = await dl.with(Rejects).loadMany(['a']);
    expect(entry).toBeInstanceOf(Error);
    expect((entry as Error).message).toBe(
      'Rejects.load("a") failed with "db down", which is not an Error.',
    );
    expect((entry as Error).cause).toBe('db down');
  });

  it('inside a generator fetch and an async fetch: per-key errors pass through as values', async () => {
    const log: Log = [];
    const { Partial } = sources(log);
    class ViaGenerator extends Source<number, string> {
      *fetch(keys: readonly number[]) {
        log.push(['ViaGenerator', [...keys]]);
        const rows = yield* this.dataloader.with(Partial).loadMany(keys);
        return rows.map((row) => (row instanceof Error ? `missing: ${row.message}` : row));
      }
    }
    class ViaAsync extends Source<number, string> {
      async fetch(keys: readonly number[]) {
        log.push(['ViaAsync', [...keys]]);
        const rows = await this.dataloader.with(Partial).loadMany(keys);
        return rows.map((row) => (row instanceof Error ? row : `async ${row}`));
      }
    }
    const dl = mode.create();
    const generated = dl.with(ViaGenerator).loadMany([1, 2]);
    const awaited = dl.with(ViaAsync).loadMany([3, 6]);
    expect(await generated).toEqual(['v1', 'missing: no 2']);
    expect(await awaited).toEqual(['async v3', new Error('no 6')]);
    // The generator fetch steps first and its dependency is fetched before the plain fetch
    // starts (the LIFO stack), in every mode.
    expect(log).toEqual([
      ['ViaGenerator', [1, 2]],
      ['Partial', [1, 2]],
      ['ViaAsync', [3, 6]],
      ['Partial', [3, 6]],
    ]);
  });

  it('an abort is not a key error: loadMany rejects with the reason', async () => {
    const gate = deferred<string[]>();
    class Slow extends Source<number, string> {
      fetch() {
        return gate.promise;
      }
    }
    const controller = new AbortController();
    const dl = mode.create({ signal: controller.signal });
    const many = dl.with(Slow).loadMany([1, 2]);
    await turns();
    const reason = new Error('client went away');
    controller.abort(reason);
    await expect(many).rejects.toBe(reason);
  });

  it('cache false and { max: 1 }: duplicates reach fetch once and every entry is read, also of keys the cache dropped', async () => {
    for (const policy of [false, { max: 1 }]) {
      const log: Log = [];
      const { Partial } = sources(log);
      class Kept extends Partial {
        override get cache() {
          return policy;
        }
      }
      const dl = mode.create();
      const entries = (values: (string | Error)[]) =>
        values.map((v) => (v instanceof Error ? `Error: ${v.message}` : v));
      expect(entries(await dl.with(Kept).loadMany([3, 1, 3, 2]))).toEqual([
        'v3',
        'v1',
        'v3',
        'Error: no 2',
      ]);
      // { max: 1 } trims at its next insertion (a key in flight is never dropped).
      if (policy !== false) await dl.with(Kept).load(5);
      expect(entries(await dl.with(Kept).loadMany([1, 3]))).toEqual(['v1', 'v3']);
      expect(log, JSON.stringify(policy)).toEqual([
        ['Partial', [3, 1, 2]],
        ...(policy === false ? [] : [['Partial', [5]]]),
        ['Partial', [1, 3]],
      ]);
    }
  });

  it('keys that are not an array: a TypeError naming the call and the value', () => {
    const { Partial } = sources([]);
    const dl = mode.create();
    // @ts-expect-error: keys must be an array.
    expect(() => dl.with(Partial).loadMany(new Set([1]))).toThrow(
      'Partial.loadMany() expects an array of keys, but got: Set {}.',
    );
    // @ts-expect-error: keys must be an array.
    expect(() => dl.with(Partial).loadAll('12')).toThrow(
      'Partial.loadAll() expects an array of keys, but got: "12".',
    );
  });
});
