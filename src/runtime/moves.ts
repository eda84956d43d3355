// Steps a, c and d of the algorithm (scheduler.ts) for one run, and what the runs below a busy
// top run may still do. Kept apart from the loop so each reads in one sitting.
import { type Batch, NEW, type Run, STEPPING } from './batch.js';
import { WAIT_FETCH } from './load.js';

/** What these steps need of the scheduler. */
export interface RunMoves {
  readonly bound: number;
  steppingRun: Run | null;
}

/**
 * Steps a, c and d of the algorithm for one run; true if anything moved. The bound holds back
 * only the *start* of a batch: a generator resuming, or a batch that a parked generator fetch
 * waits on, may be what the fetch in flight is waiting for, and holding it back would hang.
 */
export function moveRun(scheduler: RunMoves, run: Run): boolean {
  const bound = scheduler.bound;
  let moved = false;
  // a. Generator fetches: start them while a slot is free; resume those whose data arrived.
  scheduler.steppingRun = run;
  for (const batch of run.batches.slice()) {
    if (batch.run !== run) continue;
    if (batch.state === NEW && batch.isGeneratorFetch && run.inflight < bound) {
      batch.start();
      moved = true;
    } else if (batch.state === STEPPING && batch.resumable) {
      batch.step();
      moved = true;
    }
  }
  scheduler.steppingRun = null;
  // b. Their dependencies are now pending: the caller pushes them as a new run on top.
  if (moved) return true;
  // c. Plain fetches.
  for (const batch of run.batches.slice()) {
    if (batch.run !== run || batch.state !== NEW) continue;
    if (run.inflight >= bound && !awaitedByFetch(batch)) continue;
    batch.start();
    moved = true;
  }
  if (moved) return true;
  // d. Generators that did a bare `yield` come back now that the others have started.
  for (const batch of run.batches) {
    if (batch.state === STEPPING && batch.yielded) {
      batch.yielded = false;
      batch.resumable = true;
      moved = true;
    }
  }
  return moved;
}

/**
 * While the top run's Promises are out, the runs below may still do what a waiting fetch
 * needs: resume a generator whose data arrived (or that did a bare `yield`), or start a batch
 * a fetch waits on. Anything else there waits for the top run, as LIFO order wants.
 */
export function resumeBelow(scheduler: RunMoves, stack: readonly Run[]): boolean {
  for (let i = stack.length - 2; i >= 0; i--) {
    const run = stack[i] as Run;
    for (const batch of run.batches) {
      if (batch.state === STEPPING && (batch.resumable || batch.yielded)) {
        batch.yielded = false;
        scheduler.steppingRun = run;
        batch.step();
        scheduler.steppingRun = null;
        return true;
      }
      if (batch.state === NEW && batch.run === run && awaitedByFetch(batch)) {
        batch.start();
        return true;
      }
    }
  }
  return false;
}

/**
 * A fetch may be waiting on one of this batch's keys: a parked generator fetch, or an await
 * made while a plain fetch was in flight. Such a batch is never held back by the bound.
 */
function awaitedByFetch(batch: Batch): boolean {
  for (const slot of batch.slots) {
    const waiters = slot.waiters;
    if (waiters === null) continue;
    if (!Array.isArray(waiters)) {
      if (waiters.kind === WAIT_FETCH || waiters.urgent) return true;
    } else
      for (const waiter of waiters) if (waiter.kind === WAIT_FETCH || waiter.urgent) return true;
  }
  return false;
}
