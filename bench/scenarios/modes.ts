// Scenario 5: sequential vs async mode. Three sources answer after 10, 20 and 30 ms; one job
// loads from all three, then (a dependent second round) loads from all three again with keys
// taken from the first answers. The ideal is the slowest source per round: 30 + 30 = 60 ms.
// Sequential mode fetches one batch at a time (10 + 20 + 30, twice: 120 ms) by design.
import DataLoader from 'dataloader';
import { AsyncDataloader, all, Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { sleep } from '../fixtures/backend.js';
import type { CaseSpec, Contender } from '../lib/harness.js';

export const LATENCIES = [10, 20, 30] as const;
export const IDEAL_MS = 2 * Math.max(...LATENCIES);

const answer = (keys: readonly number[]) => keys.map((k) => k + 1);

function delayedSource(latency: number) {
  return class extends Source<number, number> {
    async fetch(keys: number[]) {
      await sleep(latency);
      return answer(keys);
    }
  };
}
const [Fast, Medium, Slow] = LATENCIES.map(delayedSource) as [
  ReturnType<typeof delayedSource>,
  ReturnType<typeof delayedSource>,
  ReturnType<typeof delayedSource>,
];

function oursJob(dl: Dataloader) {
  return dl.run(function* () {
    const [a, b, c] = yield* all([
      dl.with(Fast).load(1),
      dl.with(Medium).load(1),
      dl.with(Slow).load(1),
    ]);
    return yield* all([dl.with(Fast).load(a), dl.with(Medium).load(b), dl.with(Slow).load(c)]);
  });
}

export const MODE_SEQ = 'ours: Dataloader (sequential)';
export const MODE_ASYNC = 'ours: AsyncDataloader';
export const MODE_DL = 'DataLoader (reference)';

function oursContender(name: string, create: () => Dataloader): Contender<Dataloader> {
  return {
    name,
    setup: create,
    run: oursJob,
    probe: async () => {
      const dl = create();
      await oursJob(dl);
      return { rounds: dl.stats.rounds, batches: dl.stats.batches };
    },
  };
}

const dataLoaderContender: Contender<DataLoader<number, number>[]> = {
  name: MODE_DL,
  setup: () =>
    LATENCIES.map(
      (latency) =>
        new DataLoader<number, number>(async (keys) => {
          await sleep(latency);
          return answer(keys);
        }),
    ),
  run: async (loaders) => {
    const first = await Promise.all(loaders.map((l) => l.load(1)));
    return Promise.all(loaders.map((l, i) => l.load(first[i] as number)));
  },
};

export function modesCase(): CaseSpec {
  return {
    scenario: '5',
    name: `sources of ${LATENCIES.join('/')} ms, 2 dependent rounds (ideal ${IDEAL_MS} ms)`,
    unit: 'ms/exec',
    opsPerCall: 1,
    contenders: [
      oursContender(MODE_SEQ, () => new Dataloader()),
      oursContender(MODE_ASYNC, () => new AsyncDataloader()),
      dataLoaderContender,
    ],
    pairs: [
      { a: MODE_ASYNC, b: MODE_SEQ },
      { a: MODE_ASYNC, b: MODE_DL },
    ],
  };
}
