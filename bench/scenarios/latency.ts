// Scenario 4: the query of scenario 2 with 1 ms of simulated latency per fetch (a timer),
// including the root read of the posts. The data dependency is 3 deep: posts → (authors,
// comments) → comment authors. Wall time per execution, and how many I/O waves it took.
import { Backend } from '../fixtures/backend.js';
import type { Dataset } from '../fixtures/dataset.js';
import type { CaseSpec, Contender } from '../lib/harness.js';
import { executeContender, type ResolverSetup } from './execute.js';

export const LATENCY_MS = 1;
export const DEPENDENCY_DEPTH = 3;

export function latencyBackend(data: Dataset): Backend {
  return new Backend(data, LATENCY_MS);
}

/**
 * Each setup must read through its own latency backend (so waves are counted per contender).
 * Results are checked against the floor's JSON like scenario 2's.
 */
export async function latencyCase(
  setups: readonly ResolverSetup[],
  expected: string,
  pairs: CaseSpec['pairs'],
): Promise<CaseSpec> {
  const contenders: Contender[] = [];
  for (const setup of setups) {
    const contender = await executeContender(setup, 'graphql-js', expected);
    // Waves need the timers to really elapse; the probe runs one execution on its own.
    contenders.push({
      name: contender.name,
      run: contender.run,
      probe: async () => {
        const figures = await contender.probe?.();
        return { ...figures, waves: setup.backend?.waves ?? 0 };
      },
    });
  }
  return {
    scenario: '4',
    name: `query of #2, ${LATENCY_MS} ms per fetch`,
    unit: 'ms/exec',
    opsPerCall: 1,
    contenders,
    pairs,
  };
}
