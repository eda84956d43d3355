// A Source's cache policy (its `cache` getter): false keeps nothing once a batch lands, { max }
// keeps the most recently used keys, a map of the user's own holds the entries. Every mode;
// exact batch logs.
import { buildSchema, graphql } from 'graphql';
import {
  type CacheMap,
  createPrefetch,
  type Dataloader,
  Source,
} from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { deferred, type Log, modes, turns } from './support.js';

describe.each(modes)('$name: cache policy', (mode) => {
  it('cache false: loads of a key share one entry until its batch lands; after that it is fetched again', async () => {
    const log: Log = [];
    const gate = deferred<void>();
    class Prices extends Source<string, number> {
      override get cache() {
        return false;
      }
      async fetch(skus: readonly string[]) {
        log.push(['Prices', [...skus]]);
        await gate.promise;
        return skus.map((sku) => sku.length * log.length);
      }
    }
    const dl = mode.create();
    const prices = dl.with(Prices);
    const first = prices.load('ab');
    expect(prices.load('ab')).toBe(first);
    const both = prices.loadAll(['ab', 'xyz', 'ab']);
    const xyz = prices.load('xyz');
    await turns();
    expect(log).toEqual([['Prices', ['ab', 'xyz']]]);
    expect(prices.load('xyz')).toBe(xyz); // in flight: still shared
    gate.resolve();
    expect(await first).toBe(2);
    expect(await both).toEqual([2, 3, 2]);
    // Landed: nothing kept, so this load opens a new batch, and priming keeps nothing.
    expect(prices.load('ab').settled).toBe(false);
    prices.prime('ab', 100);
    expect(await prices.loadAll(['ab', 'ab'])).toEqual([4, 4]);
    expect(log).toEqual([
      ['Prices', ['ab', 'xyz']],
      ['Prices', ['ab']],
    ]);
    expect(dl.stats.cacheHits).toBe(0);
  });

  it('cache false in a generator job: a second load after the batch landed fetches again', async () => {
    const log: Log = [];
    let version = 0;
    class Live extends Source<number, string> {
      override get cache() {
        return false;
      }
      fetch(ids: readonly number[]) {
        log.push(['Live', [...ids]]);
        version++;
        return ids.map((id) => `${id}@v${version}`);
      }
    }
    const dl = mode.create();
    const job = dl.run(function* () {
      const before = yield* dl.with(Live).load(1);
      const after = yield* dl.with(Live).load(1);
      return [before, after];
    });
    expect(await job).toEqual(['1@v1', '1@v2']);
    expect(log).toEqual([
      ['Live', [1]],
      ['Live', [1]],
    ]);
  });

  it('cache { max: 2 }: keeps the two most recently used keys; a key in flight is never dropped', async () => {
    const log: Log = [];
    class Recent extends Source<number, string> {
      override get cache() {
        return { max: 2 };
      }
      fetch(ids: readonly number[]) {
        log.push(['Recent', [...ids]]);
        return ids.map((id) => `r${id}`);
      }
    }
    const dl = mode.create();
    const recent = dl.with(Recent);
    // Three keys in one batch: all three stay while in flight, and are delivered once.
    expect(await recent.loadAll([1, 2, 3, 1])).toEqual(['r1', 'r2', 'r3', 'r1']);
    expect(recent.load(2).settled).toBe(true); // 2 is now the most recently used
    expect(await recent.load(4)).toBe('r4'); // drops 1 and 3, the least recently used
    expect(recent.load(2).settled).toBe(true);
    expect(await recent.loadAll([3, 1])).toEqual(['r3', 'r1']);
    expect(log).toEqual([
      ['Recent', [1, 2, 3]],
      ['Recent', [4]],
      ['Recent', [3, 1]],
    ]);
  });

  it("a map of the user's own (DataLoader's cacheMap) holds the entries", async () => {
    const log: Log = [];
    const entries = new Map<unknown, unknown>();
    const events: string[] = [];
    const map: CacheMap = {
      get: (key) => entries.get(key) as never,
      set: (key, value) => {
        events.push(`set ${String(key)}`);
        entries.set(key, value);
      },
      delete: (key) => {
        events.push(`delete ${String(key)}`);
        return entries.delete(key);
      },
      clear: () => {
        events.push('clear');
        entries.clear();
      },
    };
    class Shared extends Source<number, string> {
      override get cache() {
        return map;
      }
      fetch(ids: readonly number[]) {
        log.push(['Shared', [...ids]]);
        return ids.map((id) => `s${id}`);
      }
    }
    const dl = mode.create();
    expect(await dl.with(Shared).loadAll([1, 2])).toEqual(['s1', 's2']);
    expect(await dl.with(Shared).load(2)).toBe('s2');
    dl.with(Shared).clear(1);
    dl.clearCache();
    expect(events).toEqual(['set 1', 'set 2', 'delete 1', 'clear']);
    expect(log).toEqual([['Shared', [1, 2]]]);
  });

  it('a bad policy: a TypeError from dataloader.with naming the Source, the rule and the value', () => {
    const make = (policy: unknown) =>
      class Bad extends Source<number, string> {
        override get cache() {
          return policy as boolean;
        }
        fetch(ids: readonly number[]) {
          return ids.map(String);
        }
      };
    const dl = mode.create();
    const rule =
      'Bad.cache must be true (keep every key: the default), false (keep nothing once a batch ' +
      'lands), { max: n } (keep the n most recently used keys; n a positive integer) or a map ' +
      'with get, set, delete and clear methods, but got: ';
    expect(() => dl.with(make({ max: 0 }))).toThrow(`${rule}{ max: 0 }.`);
    expect(() => dl.with(make({ max: 1.5 }))).toThrow(`${rule}{ max: 1.5 }.`);
    expect(() => dl.with(make({ size: 10 }))).toThrow(`${rule}{ size: 10 }.`);
    expect(() => dl.with(make('lru'))).toThrow(`${rule}"lru".`);
    expect(dl.with(make({ max: Number.POSITIVE_INFINITY })).load(1).settled).toBe(false);
  });
});

describe.each(modes)('$name: cache false and lookahead prefetch', (mode) => {
  it('the field that prefetched a key reads it once it lands: one fetch, no second one', async () => {
    const log: Log = [];
    class Owners extends Source<string, { name: string }> {
      override get cache() {
        return false;
      }
      fetch(ids: readonly string[]) {
        log.push(['Owners', [...ids]]);
        return ids.map((id) => ({ name: `owner${id}` }));
      }
    }
    const schema = buildSchema(`
      type User { name: String }
      type Item { owner: User }
      type Query { items: [Item] }`);
    const prefetch = createPrefetch(
      { Item: { owner: { source: 'Owners', keyPath: ['ownerId'], list: false, params: [] } } },
      { Owners },
    );
    type Ctx = { dl: Dataloader };
    const fields = (name: string) =>
      (
        schema.getType(name) as unknown as { getFields(): Record<string, { resolve: unknown }> }
      ).getFields() as Record<string, { resolve: unknown }>;
    (fields('Query').items as { resolve: unknown }).resolve = (
      _: unknown,
      __: unknown,
      ctx: Ctx,
      info: never,
    ) => prefetch([{ ownerId: '1' }, { ownerId: '2' }, { ownerId: '1' }], info, ctx.dl, ctx);
    (fields('Item').owner as { resolve: unknown }).resolve = (
      item: { ownerId: string },
      _: unknown,
      ctx: Ctx,
    ) => ctx.dl.with(Owners).load(item.ownerId).get();
    const dl = mode.create();
    const result = await graphql({
      schema,
      source: '{ items { owner { name } } }',
      contextValue: { dl },
    });
    expect(result).toEqual({
      data: {
        items: [
          { owner: { name: 'owner1' } },
          { owner: { name: 'owner2' } },
          { owner: { name: 'owner1' } },
        ],
      },
    });
    expect(log).toEqual([['Owners', ['1', '2']]]);
    await turns();
    // Kept only until the scheduler's next turn: a later load fetches again.
    expect(dl.with(Owners).load('1').settled).toBe(false);
  });
});
