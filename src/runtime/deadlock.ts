import { Batch, describeBatch, type Run, STEPPING } from './batch.js';
import { DeadlockError } from './errors.js';

/**
 * Called when no run can move and nothing is in flight. Parked generator fetches then wait on
 * keys of other parked generators: follow "waits on a key of" from each one until the chain
 * meets itself. Returns the first cycle found and the error for its batches, or undefined.
 */
export function findDeadlock(
  stack: readonly Run[],
): { cycle: Batch[]; error: DeadlockError } | undefined {
  for (let r = stack.length - 1; r >= 0; r--) {
    for (const start of (stack[r] as Run).batches) {
      const found = cycleFrom(start);
      if (found === undefined) continue;
      const cycle = named(found, stack);
      return { cycle, error: new DeadlockError(cycle.map(describeBatch)) };
    }
  }
  return undefined;
}

function cycleFrom(start: Batch): Batch[] | undefined {
  const seen: Batch[] = [];
  let at: Batch | null = start;
  while (at !== null && !seen.includes(at)) {
    if (at.state !== STEPPING || at.waitingOn === null) return undefined;
    seen.push(at);
    const owner: unknown = at.waitingOn.owner;
    at = owner instanceof Batch ? owner : null;
  }
  return at === null ? undefined : seen.slice(seen.indexOf(at));
}

/** Rotates the cycle to start at the batch that started first (lowest on the stack). */
function named(cycle: Batch[], stack: readonly Run[]): Batch[] {
  const depth = (b: Batch) => (b.run === null ? -1 : stack.indexOf(b.run));
  let first = 0;
  for (let i = 1; i < cycle.length; i++)
    if (depth(cycle[i] as Batch) < depth(cycle[first] as Batch)) first = i;
  return [...cycle.slice(first), ...cycle.slice(0, first)];
}
