// The jobs of a random Program (program.ts), as generator jobs and as async jobs: each runs its
// steps' loads through the harness's RunState, and a job whose load failed transiently retries,
// at most MAX_ATTEMPTS times; `judge` turns what a job saw into its result string.
import { all, type Load } from 'graphql-codegen-batch/runtime';
import type { RunState } from './harness.js';
import { type JobSpec, type LoadSpec, TRANSIENT_RESULT } from './program.js';

/** A failed load's outcome when its batch failed transiently: the job may retry. */
export const TRANSIENT = Symbol('transient');
/** A retrying job gives up after this many attempts (a sign of a refetch loop). */
export const MAX_ATTEMPTS = 12;

interface Failed {
  readonly error: unknown;
  readonly load: LoadSpec;
}

export function* generatorJob(run: RunState, job: JobSpec): Generator<unknown, string, unknown> {
  for (let attempt = 1; ; attempt++) {
    run.enter();
    const parts: string[] = [];
    let failed: Failed | null = null;
    for (const step of job.steps) {
      if (step.op !== null) run.op(step.op);
      const loads = step.loads.map((l) => run.load(l.source, l.param, l.key));
      if (step.bareYield) {
        yield;
        run.enter();
      }
      try {
        parts.push((yield* all(loads)).join(','));
      } catch (error) {
        failed = { error, load: firstFailed(run, step.loads, loads, error) };
      }
      run.enter();
      if (failed !== null) break;
    }
    const verdict = judge(run, job, attempt, parts, failed);
    if (verdict !== null) return verdict;
  }
}

export async function asyncJob(run: RunState, job: JobSpec): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    run.enter();
    const parts: string[] = [];
    let failed: Failed | null = null;
    for (const step of job.steps) {
      if (step.op !== null) run.op(step.op);
      const loads = step.loads.map((l) => run.load(l.source, l.param, l.key));
      const settled = await Promise.allSettled(loads);
      run.enter();
      const i = settled.findIndex((r) => r.status === 'rejected');
      const rejected = settled[i];
      if (rejected?.status === 'rejected') {
        failed = { error: rejected.reason, load: step.loads[i] as LoadSpec };
        break;
      }
      parts.push(settled.map((r) => (r.status === 'fulfilled' ? r.value : '')).join(','));
    }
    const verdict = judge(run, job, attempt, parts, failed);
    if (verdict !== null) return verdict;
  }
}

/** `all()` throws its first failed part's error: find which load that was. */
function firstFailed(
  run: RunState,
  specs: readonly LoadSpec[],
  loads: Load<string>[],
  error: unknown,
) {
  const i = loads.findIndex((l) => {
    try {
      l.get();
      return false;
    } catch {
      return true;
    }
  });
  const spec = specs[i];
  if (spec === undefined || !failsWith(loads[i] as Load<string>, error))
    run.violation(`all() threw ${String(error)}, which is not its first failed part's error`);
  return spec ?? (specs[0] as LoadSpec);
}

function failsWith(load: Load<string>, error: unknown): boolean {
  try {
    load.get();
    return false;
  } catch (e) {
    return e === error;
  }
}

/** The job's result, or null to retry it. */
function judge(
  run: RunState,
  job: JobSpec,
  attempt: number,
  parts: readonly string[],
  failed: Failed | null,
): string | null {
  if (failed === null) return parts.join(' | ');
  const o = run.outcomeOf(failed.error, failed.load);
  if (o !== TRANSIENT) return `error: ${o.message}`;
  if (!job.retry) return TRANSIENT_RESULT;
  if (attempt < MAX_ATTEMPTS) return null;
  run.violation(`a job still failed after ${MAX_ATTEMPTS} attempts`);
  return 'gave up';
}
