// Property-based scheduler tests: random programs (program.ts) run in every mode must agree
// with a plain sequential evaluation, never refetch a live key, stay within the fetch bounds of
// bounds.ts, always finish, and never leave a rejection unhandled.
//
// RELIABILITY_RUNS sets the number of programs per property (each runs in all three modes);
// `npm run test:soak` runs 100,000. RELIABILITY_SEED replays a reported failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modes } from '../runtime/support.js';
import { checkBounds } from './bounds.js';
import { execute } from './harness.js';
import { type Program, programArb, reference, TRANSIENT_RESULT } from './program.js';

const RUNS = Number(process.env.RELIABILITY_RUNS ?? 1000);
const SEED = Number(process.env.RELIABILITY_SEED ?? 902_024);
/** Programs settle in a few dozen turns; not settling in 2,000 is a hang. */
const MAX_TURNS = 2000;
const TIMEOUT = Math.max(30_000, RUNS * 40);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

let slowest = 0;

/** Every violation of one program in every mode, as text (empty when it holds). */
async function violations(program: Program): Promise<string[]> {
  const expected = reference(program);
  const problems: string[] = [];
  for (const mode of modes) {
    const before = unhandled.length;
    const run = await execute(program, mode, MAX_TURNS);
    slowest = Math.max(slowest, run.turns);
    const found = [...run.violations, ...checkBounds(program, mode.parallel, run)];
    if (run.turns > MAX_TURNS) found.push(`jobs still pending after ${MAX_TURNS} turns (hang)`);
    run.results.forEach((actual, j) => {
      const want = expected.job(j);
      const transientOk =
        actual === TRANSIENT_RESULT && !program.jobs[j]?.retry && program.failures.length > 0;
      if (actual !== want && !transientOk)
        found.push(`job ${j}: expected ${JSON.stringify(want)}, got ${JSON.stringify(actual)}`);
    });
    for (const reason of unhandled.slice(before))
      found.push(`unhandled rejection: ${String(reason)}`);
    for (const f of found) problems.push(`${mode.name}: ${f}`);
  }
  return problems;
}

function holds(nested: boolean, shrink = true): Promise<void> {
  return fc.assert(
    fc.asyncProperty(programArb(nested), async (program) => {
      expect(await violations(program)).toEqual([]);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: !shrink },
  );
}

describe(`scheduler properties: ${RUNS} random programs × every mode (seed ${SEED})`, () => {
  it(
    'flat programs (jobs over 1–5 sources): results, no refetch, SEGMENT/TICK/ROUND bounds, no hang',
    async () => {
      await holds(false);
      // A settled program needs a few dozen turns (the slowest of 100,000 in the soak: 127);
      // far from the hang limit.
      expect(slowest).toBeLessThan(250);
    },
    TIMEOUT,
  );

  it('the checks can fail: fresh cache identities per load are reported as refetches', async () => {
    const program: Program = {
      sources: [
        {
          kind: 'sync',
          deps: [],
          maxBatchSize: Number.POSITIVE_INFINITY,
          errors: [],
          objectKeys: false,
          bareYield: false,
          microtasks: 0,
          macrotasks: 0,
        },
      ],
      jobs: [
        {
          style: 'generator',
          retry: false,
          steps: [1, 1].map(() => ({
            op: null,
            bareYield: false,
            loads: [{ source: 0, param: 0, key: 1 }],
          })),
        },
      ],
      failures: [],
    };
    const run = await execute(program, modes[0] as (typeof modes)[number], MAX_TURNS, {
      freshCacheKeys: true,
    });
    expect(run.results).toEqual(['S0.0:1 | S0.0:1']);
    expect(run.violations).toEqual([
      'S0.0 key 1 fetched 2 times (fetch #1, keys [1]) but only 0 failed batches or clears allow a refetch',
    ]);
  });

  // scheduler-regressions.test.ts holds the smallest programs this property once failed on.
  it(
    'nested programs (fetches that load other sources): same properties',
    async () => {
      await holds(true);
    },
    TIMEOUT,
  );
});
