import { Batch, describeBatch, type Run, STEPPING } from './batch.js';
import { DeadlockError } from './errors.js';

/**
 * Called when the top run cannot move and nothing is in flight. Its parked generators wait on
 * keys of other parked generators: follow "waits on a key of" until it meets itself again.
 * Returns the cycle's batches and the error for them, or undefined when no generator is parked.
 */
export function findDeadlock(
  run: Run,
  stack: readonly Run[],
): { cycle: Batch[]; error: DeadlockError } | undefined {
  const start = run.batches.find((b) => b.state === STEPPING && b.waitingOn !== null);
  if (start === undefined) return undefined;
  const seen: Batch[] = [];
  let at: Batch | null = start;
  while (at !== null && !seen.includes(at)) {
    seen.push(at);
    const owner: unknown = at.waitingOn?.owner;
    at = owner instanceof Batch && owner.state === STEPPING ? owner : null;
  }
  const cycle = at === null ? seen : seen.slice(seen.indexOf(at));
  // Name the cycle from the batch that started first (lowest on the stack): it reads as the
  // user wrote it, "A waits on B waits on A".
  const depth = (b: Batch) => (b.run === null ? -1 : stack.indexOf(b.run));
  let first = 0;
  for (let i = 1; i < cycle.length; i++)
    if (depth(cycle[i] as Batch) < depth(cycle[first] as Batch)) first = i;
  cycle.push(...cycle.splice(0, first));
  return { cycle, error: new DeadlockError(cycle.map(describeBatch)) };
}
