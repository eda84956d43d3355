// Rounds of generator jobs on the default schedule: when nothing but jobs can add keys, the next
// round follows in the same macrotask; an `await` woken by a round keeps the next round for a
// later tick, so the loads of its continuation join it.
import { AsyncDataloader, Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';

/** Resolves after the macrotask that was queued when it was called (and its microtasks). */
const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

function chainSource(log: number[][]) {
  return class Next extends Source<number, number> {
    fetch(keys: number[]) {
      log.push([...keys]);
      return keys.map((k) => k + 10);
    }
  };
}

describe.each([
  { name: 'Dataloader', create: () => new Dataloader() },
  { name: 'AsyncDataloader', create: () => new AsyncDataloader() },
])('$name: rounds of jobs', ({ create }) => {
  it('a chain of dependent loads in jobs runs every round in the first tick, one batch per round', async () => {
    const log: number[][] = [];
    const Next = chainSource(log);
    const dl = create();
    const results = [1, 2, 3].map((start) =>
      dl.run(function* () {
        let key = start;
        for (let depth = 0; depth < 3; depth++) key = yield* dl.with(Next).load(key);
        return key;
      }),
    );
    // The scheduler's first tick was queued by the loads above, before this macrotask.
    await nextMacrotask();
    expect(log).toEqual([
      [1, 2, 3],
      [11, 12, 13],
      [21, 22, 23],
    ]);
    expect(dl.stats.rounds).toBe(3);
    expect(await Promise.all(results)).toEqual([31, 32, 33]);
  });

  it('an await woken by a round gets its loads into the next round with the jobs', async () => {
    const log: number[][] = [];
    const Next = chainSource(log);
    const dl = create();
    const job = dl.run(function* () {
      const a = yield* dl.with(Next).load(1);
      return yield* dl.with(Next).load(a);
    });
    const awaited = (async () => {
      const b = await dl.with(Next).load(2);
      return dl.with(Next).load(b);
    })();
    expect(await Promise.all([job, awaited])).toEqual([21, 22]);
    // The await's continuation runs in the tick's microtasks, before the job resumes.
    expect(log).toEqual([
      [1, 2],
      [12, 11],
    ]);
  });
});

describe('a custom schedule', () => {
  it('runs one round per call, so it steps the loop', async () => {
    const log: number[][] = [];
    const Next = chainSource(log);
    const steps: (() => void)[] = [];
    const dl = new Dataloader({ schedule: (step) => steps.push(step) });
    const result = dl.run(function* () {
      const a = yield* dl.with(Next).load(1);
      return yield* dl.with(Next).load(a);
    });
    (steps.shift() as () => void)();
    expect(log).toEqual([[1]]);
    (steps.shift() as () => void)();
    expect(log).toEqual([[1], [11]]);
    // The job has its value but resumes only at the next call.
    expect(steps).toHaveLength(1);
    (steps.shift() as () => void)();
    expect(await result).toBe(21);
  });
});
