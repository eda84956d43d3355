import type { Slot, SlotOwner, Waiter } from './load.js';
import { WAIT_FETCH } from './load.js';
import { EVERYTHING, fetchedWith } from './projection.js';
import type { Scheduler } from './scheduler.js';
import type { Source } from './source.js';
import { GeneratorStepper, type StepMode, THREW, THROW_STEP } from './stepping.js';
import { inspect } from './util/inspect.js';
import { isGenerator, isGeneratorFunction } from './util/isGenerator.js';

export type AnySource = Source<unknown, unknown, unknown>;

/** A batch's life: taking keys → stepping its generator fetch → its Promise in flight → done. */
export const NEW = 0;
export const STEPPING = 1;
export const INFLIGHT = 2;
export const DONE = 3;
type BatchState = typeof NEW | typeof STEPPING | typeof INFLIGHT | typeof DONE;

/** One source run on the LIFO stack (see the algorithm in scheduler.ts). */
export class Run {
  readonly batches: Batch[];
  /** Batches of this run whose Promise is outstanding (the mode's bound applies per run). */
  inflight = 0;
  /** Promise waiters (awaits) of this run's keys, released when the run is done (sequential). */
  readonly held: Waiter[] = [];
  constructor(batches: Batch[]) {
    this.batches = batches;
  }
  isDone(): boolean {
    for (const batch of this.batches) if (batch.state !== DONE) return false;
    return true;
  }
}

/** The keys of one `fetch` call: one Source, in first-requested order, deduplicated. */
export class Batch extends GeneratorStepper implements Waiter, SlotOwner {
  readonly kind = WAIT_FETCH;
  readonly source: AnySource;
  readonly scheduler: Scheduler;
  readonly keys: unknown[] = [];
  readonly slots: Slot<unknown>[] = [];
  readonly isGeneratorFetch: boolean;
  /** The source's `maxBatchSize` when the batch opened: it takes no more keys than that. */
  readonly maxSize: number;
  state: BatchState = NEW;
  run: Run | null = null;
  /** The generator of a generator fetch, once started. */
  gen: Generator<unknown, unknown, unknown> | null = null;
  /** The key the generator waits on, while parked. */
  waitingOn: Slot<unknown> | null = null;
  /** The generator did a bare `yield`: come back to it once the others have run. */
  yielded = false;
  /** The generator can be stepped again (what it waited on has settled). */
  resumable = false;
  startedAt = 0;
  /**
   * The fields its loads asked for, for a Source that projects: undefined until a load says,
   * null once one asks for everything (see projection.ts).
   */
  fields: Set<string> | null | undefined = undefined;

  constructor(source: AnySource, scheduler: Scheduler, maxSize: number) {
    super();
    this.source = source;
    this.scheduler = scheduler;
    this.maxSize = maxSize;
    this.isGeneratorFetch = isGeneratorFunction(source.fetch);
  }

  add(slot: Slot<unknown>, key: unknown): void {
    this.keys.push(key);
    this.slots.push(slot);
    slot.owner = this;
  }

  /** A load of a projecting Source joined (or found its key in) this batch: widen its fields. */
  select(fields: readonly string[] | undefined): void {
    const own = this.fields;
    if (own === null) return;
    if (fields === undefined) this.fields = null;
    else if (own === undefined) this.fields = new Set(fields);
    else for (const field of fields) own.add(field);
  }

  /** What fetch receives next to the keys; records which fields the keys' values will hold. */
  private projection(): { readonly fields: ReadonlySet<string> | null } {
    const fields = this.fields;
    if (fields === undefined || fields === null) return EVERYTHING;
    for (const slot of this.slots) fetchedWith.set(slot, fields);
    return { fields };
  }

  /** A waiter parked on one of this batch's keys: the scheduler may move the batch up. */
  parked(_slot: Slot<unknown>, waiter: Waiter): void {
    this.scheduler.parked(this, waiter);
  }

  /** Calls `fetch`; a generator is stepped until it waits, yields or returns. */
  start(): void {
    const source = this.source;
    if (source._open === this) source._open = null;
    this.state = STEPPING;
    this.scheduler.batchStarted(this);
    const projection = this.projection();
    const result = this.scheduler.callFetch(this, () =>
      source.fetch(this.keys, projection as never),
    );
    if (result.threw) return this.scheduler.failBatch(this, result.error);
    if (isGenerator(result.value)) {
      this.gen = result.value;
      this.step();
    } else {
      this.scheduler.deliver(this, result.value);
    }
  }

  /** Called when the key it waited on settled, or its yielded Promise did. */
  override wake(): void {
    if (this.state === DONE) return;
    this.waitingOn = null;
    this.resumable = true;
    this.scheduler.fetchReady();
  }

  /** Steps the generator fetch until it waits on a key, does a bare yield, or returns. */
  step(): void {
    this.resumable = false;
    this.runSteps();
  }

  /** Ends a parked generator (abort, deadlock) so its `finally` blocks run. */
  abandon(): void {
    const gen = this.gen;
    this.gen = null;
    if (gen === null) return;
    try {
      gen.return(undefined);
    } catch {
      // A `finally` that throws while the batch is being failed has nobody left to tell.
    }
  }

  protected override generator(): Generator<unknown, unknown, unknown> {
    return this.gen as Generator<unknown, unknown, unknown>;
  }

  protected override invoke(
    gen: Generator<unknown, unknown, unknown>,
    mode: StepMode,
    arg: unknown,
  ): IteratorResult<unknown, unknown> | typeof THREW {
    const call = this.scheduler.callFetch(this, () =>
      mode === THROW_STEP ? gen.throw(arg) : gen.next(arg),
    );
    if (!call.threw) return call.value as IteratorResult<unknown, unknown>;
    this.stepError = call.error;
    return THREW;
  }

  protected override onReturn(value: unknown): void {
    this.scheduler.deliver(this, value);
  }

  protected override onThrow(error: unknown): void {
    this.scheduler.failBatch(this, error);
  }

  protected override onBareYield(): void {
    this.yielded = true;
  }

  protected override onWait(slot: Slot<unknown>): void {
    this.waitingOn = slot;
    slot.park(this);
  }

  protected override onAwait(): void {
    this.scheduler.batchInFlight(this);
  }

  protected override canResume(): boolean {
    if (this.state === DONE) return false;
    this.scheduler.batchLanded(this);
    this.state = STEPPING;
    return true;
  }

  protected override badYield(value: unknown): TypeError {
    return new TypeError(
      `${sourceName(this.source)}.fetch() yielded ${inspect(value)}: inside a generator fetch, ` +
        'wait for data with `yield* source.load(key)` or hand control back with a bare `yield`.',
    );
  }
}

/**
 * The source's `maxBatchSize`, read once per batch: a positive integer, or Infinity (no limit).
 * Anything else throws from the `load` that opens the batch (and `slot`, that load's new cache
 * entry, is dropped, so the key is not left pending).
 */
export function sizeLimitOf(source: AnySource, slot: Slot<unknown>): number {
  const max = source.maxBatchSize;
  if (max >= 1 && (Number.isInteger(max) || max === Number.POSITIVE_INFINITY)) return max;
  source._cache.delete(slot.cacheKey);
  throw new TypeError(
    `${sourceName(source)}.maxBatchSize must be a positive integer (or Infinity for no limit), but got: ${inspect(max)}.`,
  );
}

export function sourceName(source: AnySource): string {
  return source.constructor.name || 'Source';
}

export function describeBatch(batch: Batch): string {
  return `${sourceName(batch.source)}.fetch(${inspect(batch.keys)})`;
}
