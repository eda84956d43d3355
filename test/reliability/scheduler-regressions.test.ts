// Regression tests for the scheduler: the smallest programs, reduced by hand from failures of
// the nested-programs property (scheduler.property.test.ts), that once made it report a false
// deadlock or wait forever. Each states what the scheduler does: every value arrives, and each
// batch is fetched once. `settleWithin` bounds the wait, so a hang shows as 'pending'.
import { all, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { deferred, type Log, type Mode, modes, turns } from '../runtime/support.js';

const sequential = modes.filter((m) => !m.parallel);
const bounded = modes.filter((m) => !m.parallel || m.name.includes('maxConcurrency'));

/** The values (or error messages) once all settle, or 'pending' for each after `limit` turns. */
async function settleWithin(loads: PromiseLike<unknown>[], limit = 200): Promise<unknown[]> {
  const out: unknown[] = loads.map(() => 'pending');
  for (const [i, load] of loads.entries()) {
    load.then(
      (v) => (out[i] = v),
      (e: unknown) => (out[i] = `rejected: ${(e as Error).message}`),
    );
  }
  for (let t = 0; t < limit && out.includes('pending'); t++) await turns(1);
  return out;
}

describe.each(modes)(
  '$name: an acyclic chain of generator fetches is not a deadlock',
  (mode: Mode) => {
    // A.fetch loads B, B.fetch loads C, C.fetch loads D (all generators); a job loads A(0), C(0)
    // and D(0). The top run [B] waits on C, and C waits on D's batch, which is not started yet
    // and sits in the run below: a chain that ends in a batch to fetch, not a cycle, so no
    // DeadlockError ("C.fetch([0]) waits on B.fetch([0]) waits on C.fetch([0])" would be false:
    // C never loads B).
    it('loads A(0), C(0), D(0): every value arrives, D is fetched once', async () => {
      const log: Log = [];
      class D extends Source<number, string> {
        fetch(keys: number[]) {
          log.push(['D', keys]);
          return keys.map((k) => `d${k}`);
        }
      }
      class C extends Source<number, string> {
        *fetch(keys: number[]) {
          log.push(['C', keys]);
          const ds = yield* this.dataloader.with(D).loadAll(keys.map((k) => k + 1));
          return ds.map((d) => `c(${d})`);
        }
      }
      class B extends Source<number, string> {
        *fetch(keys: number[]) {
          log.push(['B', keys]);
          return (yield* this.dataloader.with(C).loadAll(keys)).map((c) => `b(${c})`);
        }
      }
      class A extends Source<number, string> {
        *fetch(keys: number[]) {
          log.push(['A', keys]);
          return (yield* this.dataloader.with(B).loadAll(keys)).map((b) => `a(${b})`);
        }
      }
      const dl = mode.create();
      const loads = [dl.with(A).load(0), dl.with(C).load(0), dl.with(D).load(0)];
      expect(await settleWithin(loads)).toEqual(['a(b(c(d1)))', 'c(d1)', 'd0']);
      expect(log.filter(([name]) => name === 'D')).toEqual([['D', [0, 1]]]);
    });
  },
);

describe.each(bounded)(
  '$name: an async fetch that awaits a generator fetch of its own run',
  (mode: Mode) => {
    // B.fetch is a generator that does a bare `yield`; A.fetch is async and awaits B. Loads B(0)
    // and A(0) in one round, in the sequential mode and with maxConcurrency: A holds the run's
    // only slot while it awaits B, and B's generator must still be stepped to its end.
    it('loads B(0), A(0): both values arrive', async () => {
      const log: Log = [];
      class B extends Source<number, string> {
        *fetch(keys: number[]) {
          log.push(['B', keys]);
          yield;
          return keys.map((k) => `b${k}`);
        }
      }
      class A extends Source<number, string> {
        async fetch(keys: number[]) {
          log.push(['A', keys]);
          const bs = await this.dataloader.with(B).loadAll(keys);
          return bs.map((b) => `a(${b})`);
        }
      }
      const dl = mode.create();
      expect(await settleWithin([dl.with(B).load(0), dl.with(A).load(0)])).toEqual(['b0', 'a(b0)']);
      expect(log).toEqual([
        ['B', [0]],
        ['A', [0]],
      ]);
    });
  },
);

describe.each(sequential)(
  '$name: a lifted batch that awaits a key of the run below',
  (mode: Mode) => {
    // A.fetch (async) awaits X.load(2) and Y.load(3); X.fetch and Y.fetch (async) both await
    // C.load(0); C's fetch settles on a later macrotask. A's `await` parks on Y's unstarted batch
    // in a microtask after the tick, which lifts Y into a new run on top of C's run; when C
    // settles, the awaits of C(0), Y's fetch among them, must resume although C's run is not
    // the top one.
    it('A(0) arrives once C settles', async () => {
      const log: Log = [];
      const gate = deferred<void>();
      class C extends Source<number, string> {
        async fetch(keys: number[]) {
          log.push(['C', keys]);
          await gate.promise;
          return keys.map((k) => `c${k}`);
        }
      }
      const fetchingC = (name: string) =>
        class extends Source<number, string> {
          async fetch(keys: number[]) {
            log.push([name, keys]);
            const c = await this.dataloader.with(C).load(0);
            return keys.map((k) => `${name.toLowerCase()}${k}(${c})`);
          }
        };
      const X = fetchingC('X');
      const Y = fetchingC('Y');
      class A extends Source<number, string> {
        async fetch(keys: number[]) {
          log.push(['A', keys]);
          const dl = this.dataloader;
          const [x, y] = await Promise.all([dl.with(X).load(2), dl.with(Y).load(3)]);
          return keys.map(() => `a(${x},${y})`);
        }
      }
      const dl = mode.create();
      const a = dl.with(A).load(0);
      await turns();
      gate.resolve();
      expect(await settleWithin([a])).toEqual(['a(x2(c0),y3(c0))']);
      expect(log).toEqual([
        ['A', [0]],
        ['X', [2]],
        ['C', [0]],
        ['Y', [3]],
      ]);
    });
  },
);

describe.each(modes)(
  '$name: an in-flight fetch that awaits a bare-yielded generator of a run below',
  (mode: Mode) => {
    // C.fetch (generator) does a bare `yield`; B.fetch (generator) loads C(3); A.fetch (async)
    // awaits B. Loads C(3) and A(0) in one round. B's run sits on top of C's, and A is in flight
    // waiting on B, which waits on C: C's generator, below the top run and with a fetch in
    // flight, must still be resumed.
    it('loads C(3), A(0): both values arrive', async () => {
      const log: Log = [];
      class C extends Source<number, string> {
        *fetch(keys: number[]) {
          log.push(['C', keys]);
          yield;
          return keys.map((k) => `c${k}`);
        }
      }
      class B extends Source<number, string> {
        *fetch(keys: number[]) {
          log.push(['B', keys]);
          const c = yield* this.dataloader.with(C).load(3);
          return keys.map((k) => `b${k}(${c})`);
        }
      }
      class A extends Source<number, string> {
        async fetch(keys: number[]) {
          log.push(['A', keys]);
          const bs = await this.dataloader.with(B).loadAll(keys);
          return bs.map((b) => `a(${b})`);
        }
      }
      const dl = mode.create();
      const loads = [dl.with(C).load(3), dl.with(A).load(0)];
      expect(await settleWithin(loads)).toEqual(['c3', 'a(b0(c3))']);
      expect(log).toEqual([
        ['C', [3]],
        ['A', [0]],
        ['B', [0]],
      ]);
    });
  },
);

// The acyclic chain above, loaded through generator jobs and `all`.
describe('an acyclic chain of generator fetches, through jobs', () => {
  it('jobs A(0) and all([C(0), D(0)]) finish (sequential Dataloader)', async () => {
    class D extends Source<number, string> {
      fetch(keys: number[]) {
        return keys.map((k) => `d${k}`);
      }
    }
    class C extends Source<number, string> {
      *fetch(keys: number[]) {
        return yield* this.dataloader.with(D).loadAll(keys.map((k) => k + 1));
      }
    }
    class B extends Source<number, string> {
      *fetch(keys: number[]) {
        return yield* this.dataloader.with(C).loadAll(keys);
      }
    }
    class A extends Source<number, string> {
      *fetch(keys: number[]) {
        return yield* this.dataloader.with(B).loadAll(keys);
      }
    }
    const dl = (modes[0] as Mode).create();
    const jobs = [
      dl.run(function* () {
        return yield* dl.with(A).load(0);
      }),
      dl.run(function* () {
        return yield* all([dl.with(C).load(0), dl.with(D).load(0)]);
      }),
    ];
    expect(await settleWithin(jobs.map((j) => Promise.resolve(j)))).toEqual(['d1', ['d1', 'd0']]);
  });
});
