// The runtime contract (every mode): batching and deduplication, generator jobs level by
// level, dependencies between sources, batch parameters, identity, batch size and the cache
// controls. Errors are in contract-errors.test.ts. Each test builds its sources over a fresh
// log (support.ts's table), so the assertions pin exact batches.
import { all, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { deferred, type Log, modes, table, turns } from './support.js';

describe.each(modes)('$name', (mode) => {
  it('batches loads made before waiting; deduplicates; loadAll([]) fetches nothing', async () => {
    const log: Log = [];
    const { Users } = table(log);
    const dl = mode.create();
    const users = dl.with(Users);
    const a = users.load(1);
    const b = users.load(2);
    const c = users.load(1);
    expect(a).toBe(c);
    expect(users.loadAll([]).settled).toBe(true);
    expect(await users.loadAll([])).toEqual([]);
    expect(await Promise.all([a, b, c])).toEqual(['user1', 'user2', 'user1']);
    expect(await users.loadAll([2, 3, 2])).toEqual(['user2', 'user3', 'user2']);
    expect(log).toEqual([
      ['Users', [1, 2]],
      ['Users', [3]],
    ]);
    expect(dl.stats).toEqual({ batches: 2, keys: 3, rounds: 2, cacheHits: 2 });
  });

  it('three levels of generator jobs: one fetch per level per source (rounds = depth)', async () => {
    const log: Log = [];
    const { Users, Posts, Comments } = table(log);
    const dl = mode.create();
    const job = (userId: number) =>
      dl.run(function* () {
        const name = yield* dl.with(Users).load(userId);
        const postIds = yield* dl.with(Posts).load(userId);
        const comments = yield* dl.with(Comments).loadAll(postIds);
        return `${name}:${comments.join(',')}`;
      });
    const results = await Promise.all([job(1), job(2), job(3)]);
    expect(results).toEqual([
      'user1:comment10,comment11',
      'user2:comment20,comment21',
      'user3:comment30,comment31',
    ]);
    expect(log).toEqual([
      ['Users', [1, 2, 3]],
      ['Posts', [1, 2, 3]],
      ['Comments', [10, 11, 20, 21, 30, 31]],
    ]);
    expect(dl.stats.rounds).toBe(3);
  });

  it("DataLoader's deep case: generator fetches that both load from `deep` share one fetch", async () => {
    const log: Log = [];
    class Deep extends Source<string[], string> {
      async fetch(keys: string[][]) {
        log.push(['deep', keys]);
        return keys.map((k) => k.join('+'));
      }
    }
    class A extends Source<string, string> {
      *fetch(keys: string[]) {
        log.push(['a', keys]);
        const joined = yield* this.dataloader.with(Deep).load(keys);
        return keys.map((k) => `${k}<${joined}>`);
      }
    }
    class B extends Source<string, string> {
      *fetch(keys: string[]) {
        log.push(['b', keys]);
        const joined = yield* this.dataloader.with(Deep).load(keys);
        return keys.map((k) => `${k}<${joined}>`);
      }
    }
    const dl = mode.create();
    const loads = [
      dl.with(A).load('A1'),
      dl.with(B).load('B1'),
      dl.with(A).load('A2'),
      dl.with(B).load('B2'),
    ];
    expect(await Promise.all(loads)).toEqual(['A1<A1+A2>', 'B1<B1+B2>', 'A2<A1+A2>', 'B2<B1+B2>']);
    expect(log).toEqual([
      ['a', ['A1', 'A2']],
      ['b', ['B1', 'B2']],
      [
        'deep',
        [
          ['A1', 'A2'],
          ['B1', 'B2'],
        ],
      ],
    ]);
  });

  for (const bKind of ['generator', 'async'] as const) {
    it(`the chain of DESIGN section 5 (B.fetch ${bKind}): C is fetched once, with [9, 1, 2]`, async () => {
      const log: Log = [];
      class C extends Source<number, string> {
        async fetch(keys: number[]) {
          log.push(['C', keys]);
          return keys.map((k) => `c${k}`);
        }
      }
      class BGen extends Source<number, string> {
        *fetch(keys: number[]) {
          log.push(['B', keys]);
          const cs = yield* this.dataloader.with(C).loadAll(keys);
          return cs.map((c) => `b(${c})`);
        }
      }
      class BAsync extends Source<number, string> {
        async fetch(keys: number[]) {
          log.push(['B', keys]);
          const cs = await this.dataloader.with(C).loadAll(keys);
          return cs.map((c) => `b(${c})`);
        }
      }
      const B = (bKind === 'generator' ? BGen : BAsync) as typeof BGen;
      class A extends Source<number, string> {
        *fetch(keys: number[]) {
          log.push(['A', keys]);
          const bs = yield* this.dataloader.with(B).loadAll(keys);
          return bs.map((b) => `a(${b})`);
        }
      }
      const dl = mode.create();
      const results = await Promise.all([
        dl.run(function* () {
          return yield* dl.with(A).load(1);
        }),
        dl.run(function* () {
          return yield* dl.with(A).load(2);
        }),
        dl.run(function* () {
          return yield* dl.with(C).load(9);
        }),
      ]);
      expect(results).toEqual(['a(b(c1))', 'a(b(c2))', 'c9']);
      expect(log).toEqual([
        ['A', [1, 2]],
        ['B', [1, 2]],
        ['C', [9, 1, 2]],
      ]);
    });
  }

  it('batch parameters: equal params (by value) share an instance; different ones fetch apart', async () => {
    const log: Log = [];
    class CommentsByPost extends Source<number, string[], { first: number; order?: string }> {
      async fetch(postIds: number[]) {
        log.push([`first=${this.params.first}`, postIds]);
        return postIds.map((id) =>
          Array.from({ length: this.params.first }, (_, i) => `${id}.${i}`),
        );
      }
    }
    const dl = mode.create();
    const a = dl.with(CommentsByPost, { first: 1, order: 'new' });
    expect(dl.with(CommentsByPost, { order: 'new', first: 1 })).toBe(a);
    const b = dl.with(CommentsByPost, { first: 2 });
    expect(b).not.toBe(a);
    const values = await Promise.all([a.load(7), b.load(7), a.load(8)]);
    expect(values).toEqual([['7.0'], ['7.0', '7.1'], ['8.0']]);
    expect(log).toEqual([
      ['first=1', [7, 8]],
      ['first=2', [7]],
    ]);
  });

  it('an overridden cacheKey decides identity: keys equal under it share one entry', async () => {
    const log: Log = [];
    class CaseInsensitive extends Source<string, string> {
      override cacheKey(key: string) {
        return key.toLowerCase();
      }
      fetch(keys: string[]) {
        log.push(['CaseInsensitive', keys]);
        return keys.map((k) => k.toUpperCase());
      }
    }
    const dl = mode.create();
    const src = dl.with(CaseInsensitive);
    expect(src.load('Ada') === src.load('ADA')).toBe(true);
    expect(await src.loadAll(['ada', 'Bob', 'ADA'])).toEqual(['ADA', 'BOB', 'ADA']);
    expect(log).toEqual([['CaseInsensitive', ['Ada', 'Bob']]]);
  });

  it('maxBatchSize: 2 with keys 1, 2, 3, 1 → [[1, 2], [3]]', async () => {
    const log: Log = [];
    class Small extends Source<number, number> {
      override get maxBatchSize() {
        return 2;
      }
      fetch(keys: number[]) {
        log.push(['Small', keys]);
        return keys.map((k) => k * 2);
      }
    }
    const dl = mode.create();
    expect(await dl.with(Small).loadAll([1, 2, 3, 1])).toEqual([2, 4, 6, 2]);
    expect(log).toEqual([
      ['Small', [1, 2]],
      ['Small', [3]],
    ]);
  });

  it('prime, clear, clearAll and clearCache; clearing during a batch still serves its waiters', async () => {
    const log: Log = [];
    const gate = deferred<void>();
    class Gated extends Source<number, string> {
      async fetch(keys: number[]) {
        log.push(['Gated', keys]);
        await gate.promise;
        return keys.map((k) => `v${k}`);
      }
    }
    const dl = mode.create();
    const src = dl.with(Gated);
    src.prime(5, 'primed5').prime(6, new Error('primed error'));
    src.prime(5, 'ignored: already cached');
    expect(src.load(5).settled).toBe(true);
    expect(await src.load(5)).toBe('primed5');
    await expect(src.load(6)).rejects.toThrow('primed error');
    const inFlight = src.load(1);
    await turns();
    expect(log).toEqual([['Gated', [1]]]);
    src.clear(1);
    dl.clearCache();
    src.clearAll();
    gate.resolve();
    expect(await inFlight).toBe('v1');
    expect(await src.loadAll([1, 5])).toEqual(['v1', 'v5']);
    expect(log).toEqual([
      ['Gated', [1]],
      ['Gated', [1, 5]],
    ]);
  });

  it('fully cached job: run returns the value itself, not a Promise', async () => {
    const { Users } = table([]);
    const dl = mode.create();
    dl.with(Users).prime(1, 'cached');
    const result = dl.run(function* () {
      const [a, b] = yield* all([dl.with(Users).load(1), dl.with(Users).loadAll([1, 1])]);
      return `${a}/${b.join('+')}`;
    });
    expect(result).toBe('cached/cached+cached');
    expect(dl.run(() => 42)).toBe(42);
  });

  it('a job that throws rejects only its own result; other jobs go on', async () => {
    const log: Log = [];
    const { Users } = table(log);
    const dl = mode.create();
    const bad = dl.run(function* () {
      yield* dl.with(Users).load(1);
      throw new Error('job failed');
    });
    const good = dl.run(function* () {
      return yield* dl.with(Users).load(2);
    });
    await expect(bad).rejects.toThrow('job failed');
    expect(await good).toBe('user2');
    expect(() =>
      dl.run(() => {
        throw new Error('sync throw');
      }),
    ).toThrow('sync throw');
  });
});
