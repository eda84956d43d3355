// What `dataloader.stats.rounds` counts: the times the Dataloader started batches while none of
// its batches was running or waiting (a run pushed on an empty stack). The sequential Dataloader
// resumes jobs only when a round is over, so its rounds are the depth of the data. The
// AsyncDataloader resumes each job as soon as its batch settles: the next level's batches start
// while other batches may still be in flight, and then they belong to their round. So in async
// mode the same loads, the same batches and the same keys give as many rounds as the timing of
// the fetches makes: here 2 or 1.
import { AsyncDataloader, Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';
import { type Deferred, deferred, type Log, turns } from './support.js';

/** Two roots A(1) and B(1), each with a child: A → C(1), B → D(1). A, B, C settle on demand. */
function twoLevels(dl: Dataloader) {
  const log: Log = [];
  const gates = new Map<string, Deferred<void>>([
    ['A', deferred<void>()],
    ['B', deferred<void>()],
    ['C', deferred<void>()],
  ]);
  const named = (name: string) =>
    class extends Source<number, string> {
      async fetch(keys: number[]) {
        log.push([name, keys]);
        await gates.get(name)?.promise;
        return keys.map((k) => `${name.toLowerCase()}${k}`);
      }
    };
  type Named = ReturnType<typeof named>;
  const job = (root: Named, child: Named) =>
    dl.run(function* () {
      const parent = yield* dl.with(root).load(1);
      return `${parent}/${yield* dl.with(child).load(1)}`;
    });
  const results = Promise.all([job(named('A'), named('C')), job(named('B'), named('D'))]);
  return { log, results, open: (name: string) => gates.get(name)?.resolve() };
}

describe('dataloader.stats.rounds', () => {
  it('sequential: one round per level, whichever batch settles first', async () => {
    const dl = new Dataloader();
    const { log, results, open } = twoLevels(dl);
    await turns();
    open('A');
    await turns();
    open('B');
    await turns();
    open('C');
    expect(await results).toEqual(['a1/c1', 'b1/d1']);
    expect(log).toEqual([
      ['A', [1]],
      ['B', [1]],
      ['C', [1]],
      ['D', [1]],
    ]);
    expect(dl.stats).toEqual({ batches: 4, keys: 4, rounds: 2, cacheHits: 0 });
  });

  it('async, A and B settle together: C and D start on an empty stack, a second round', async () => {
    const dl = new AsyncDataloader();
    const { results, open } = twoLevels(dl);
    await turns();
    open('A');
    open('B');
    await turns();
    open('C');
    expect(await results).toEqual(['a1/c1', 'b1/d1']);
    expect(dl.stats).toEqual({ batches: 4, keys: 4, rounds: 2, cacheHits: 0 });
  });

  it('async, A settles while B is in flight, B while C is: one round for the same loads', async () => {
    const dl = new AsyncDataloader();
    const { log, results, open } = twoLevels(dl);
    await turns();
    open('A');
    await turns();
    // C started while B was still in flight: same round.
    expect(log).toEqual([
      ['A', [1]],
      ['B', [1]],
      ['C', [1]],
    ]);
    open('B');
    await turns();
    // D started while C was still in flight: same round again.
    expect(log.at(-1)).toEqual(['D', [1]]);
    open('C');
    expect(await results).toEqual(['a1/c1', 'b1/d1']);
    expect(dl.stats).toEqual({ batches: 4, keys: 4, rounds: 1, cacheHits: 0 });
  });
});
