import type { AnySource } from './batch.js';
import {
  Batch,
  DONE,
  describeBatch,
  INFLIGHT,
  NEW,
  Run,
  sizeLimitOf,
  sourceName,
} from './batch.js';
import type { DataloaderHooks } from './dataloader.js';
import { findDeadlock } from './deadlock.js';
import { fetchShapeError } from './errors.js';
import { ExpiringKeys } from './expiring.js';
import { type Call, FetchHooks } from './fetch-hooks.js';
import { JobQueue } from './job-queue.js';
import { type Slot, WAIT_PROMISE, type Waiter } from './load.js';
import { moveRun, type RunMoves, resumeBelow } from './moves.js';
import { alignRows, returnsRows } from './rows.js';
import type { JobLike, SchedulerOptions, Stats } from './scheduler-types.js';
import { isPromiseLike } from './util/isPromiseLike.js';
import { defaultSchedule } from './util/schedule.js';

const NOT_ABORTED: unique symbol = Symbol('not aborted');
/** A tick that loops this often without settling is a bug; fail loudly instead of spinning. */
const MAX_STEPS = 1_000_000;
/** Turns one tick may take before it hands the event loop back (a long chain of jobs). */
const MAX_TURNS = 100;

/**
 * The scheduler of one Dataloader: GraphQL-Ruby's Fiber-based run loop, with generators for
 * Fibers and a macrotask per step only where code outside the scheduler could still add keys.
 *
 * THE ALGORITHM (a tick runs after the microtask queue has drained, see util/schedule.ts; it
 * takes one or more *turns* of steps 1 and 2):
 *
 *  1. Jobs. Ready jobs resume (their values are read from the settled keys they waited on) and
 *     run until they finish or park on a pending key. Sequential mode resumes jobs only when no
 *     source run is left, so one round's loads are all registered before the next batch leaves
 *     (rounds = depth of the data). Async mode resumes them as soon as their batch settles. If
 *     a resumed job finished with a Promise result, the tick ends here and another is
 *     scheduled, so that code awaiting that result registers its loads first.
 *  2. Sources. Pending batches (first-requested order) become a new *run* pushed on a LIFO
 *     stack. The top run:
 *       a. steps every generator fetch until each waits on another source's key or does a
 *          bare `yield`; it starts a new one only while the run has a free slot (bound: 1
 *          sequential, `maxConcurrency` async), since a step that returns or yields a Promise
 *          puts the batch in flight;
 *       b. if that registered keys of other sources, pushes a new run on top for them and
 *          handles it first: they are the dependencies of the generators just stepped;
 *       c. only then starts its plain fetches, while a slot is free;
 *       d. then comes back to generators that did a bare `yield` (manual parallelism).
 *     A run whose batches are all done is popped. When the top run cannot move, the runs below
 *     it may: they hold what the top run's generators wait on.
 *  3. Repeat until nothing is pending. When jobs are ready again (their keys settled), no
 *     Promise is outstanding (no plain fetch can still add keys, nothing can land before a
 *     macrotask) and the turn woke no `await` and settled no job's Promise (whose continuations,
 *     graphql-js's among them, run as microtasks and belong in the next round), the next turn
 *     follows at once, up to MAX_TURNS per tick (on the default schedule: a custom `schedule`
 *     runs one turn per call, so it steps the loop); otherwise another tick is scheduled. When
 *     only Promises are outstanding, wait for them (each settlement schedules a tick). When
 *     nothing is outstanding yet no run can move, parked generators wait on each other: fail
 *     that cycle with a DeadlockError.
 *
 * LIVENESS BEFORE ORDER: the bound and the LIFO order only ever delay the *start* of a batch
 * that nobody is known to need yet. A fetch in flight may be awaiting any key, so a generator
 * whose data has arrived is always resumed, a batch that a parked fetch waits on is started
 * past the bound, and an `await` made while a plain fetch is in flight is released as soon as
 * its key settles; other awaits are held until their run is done (sequential mode), so one
 * round's loads still leave together. test/reliability checks this on random programs.
 *
 * WHY A LIFO STACK: a key registered while a run is under way (by a generator fetch, or by an
 * async fetch awaiting another source) is a dependency of that run, so it is fetched before the
 * run goes on. A key that joins a batch which is taken by a lower run but not yet fetched moves
 * that batch to the new run on top, so it still leaves once, with every key. That is how the
 * chain "A.fetch loads B, B.fetch loads C, a job loads C too" fetches C once, where FIFO
 * schedulers (DataLoader, GraphQL-Ruby ≥ 2.2) fetch it twice. It is also what keeps sequential
 * mode live: an async fetch that awaits another source gets that source fetched on top of it.
 */
export class Scheduler implements RunMoves {
  readonly stats: Stats = { batches: 0, keys: 0, rounds: 0, cacheHits: 0 };
  /** Set when resuming jobs settled a job's Promise, so dispatch waits for its awaiters. */
  released = false;
  private readonly options: SchedulerOptions;
  private pending: Batch[] = [];
  private readonly stack: Run[] = [];
  private readonly jobs: JobQueue;
  /** Batches with a Promise outstanding, over all runs. */
  private inflight = 0;
  /** Of those, plain fetches (which may be awaiting other sources' keys). */
  private plainInflight = 0;
  /** The run whose generators are being stepped (keys joining its batches stay in it). */
  steppingRun: Run | null = null;
  private scheduled = false;
  /** Inside a tick: `schedule()` only sets `wanted`, and the tick decides how to go on. */
  private ticking = false;
  private wanted = false;
  /** Set when a turn woke an `await` (or held ones): its continuation may add keys. */
  private promiseWoken = false;
  private abortReason: unknown = NOT_ABORTED;
  private readonly tickFn = () => this.tick();
  /** Failed keys kept for prefetch until the next tick. */
  private readonly expiring = new ExpiringKeys();

  /** Turns follow each other within a tick only on the default schedule (a custom one steps). */
  private readonly inlineTurns: boolean;
  private readonly hooks: FetchHooks;
  /** `hooks.onLoad`, read by Source#load. */
  readonly onLoad: DataloaderHooks['onLoad'];

  constructor(options: SchedulerOptions) {
    this.options = options;
    this.jobs = new JobQueue(options.abortable);
    this.inlineTurns = options.schedule === defaultSchedule;
    this.hooks = new FetchHooks(options.hooks);
    this.onLoad = options.hooks?.onLoad;
  }

  /** How many batches of one run may be in flight (see moves.ts). */
  get bound(): number {
    return this.options.bound;
  }

  get aborted(): boolean {
    return this.abortReason !== NOT_ABORTED;
  }

  // ---- Called by Source#load and Load#park ------------------------------------------------

  /** A new key: it joins its source's open batch, or opens one. */
  register(source: AnySource, slot: Slot<unknown>, key: unknown): void {
    if (this.abortReason !== NOT_ABORTED) {
      slot.reject(this.abortReason);
      source._cache.delete(slot.cacheKey);
      return;
    }
    let batch = source._open as Batch | null;
    if (batch === null || batch.keys.length >= batch.maxSize) {
      batch = new Batch(source, this, sizeLimitOf(source, slot));
      source._open = batch;
      this.pending.push(batch);
      this.schedule();
    } else {
      this.lift(batch);
    }
    batch.add(slot, key);
  }

  /** A waiter parked on a key of `batch`. */
  parked(batch: Batch, waiter: Waiter): void {
    if (waiter.kind === WAIT_PROMISE && this.plainInflight > 0) waiter.urgent = true;
    this.lift(batch);
  }

  // ---- Called by jobs and batches -----------------------------------------------------------

  jobReady(job: JobLike): void {
    this.jobs.readyJob(job);
    this.schedule();
  }
  jobParked(job: JobLike): void {
    this.jobs.parkedJob(job);
  }
  jobYielded(job: JobLike): void {
    this.jobs.yieldedJob(job);
    this.schedule();
  }
  jobDone(job: JobLike): void {
    this.jobs.doneJob(job);
  }

  fetchReady(): void {
    this.schedule();
  }

  /** Runs user code of a fetch inside `hooks.wrapFetch`, catching what it throws. */
  callFetch(batch: Batch, fn: () => unknown): Call {
    return this.hooks.call(batch, fn);
  }

  batchInFlight(batch: Batch): void {
    batch.state = INFLIGHT;
    this.inflight++;
    if (batch.run !== null) batch.run.inflight++;
  }
  batchLanded(batch: Batch): void {
    this.inflight--;
    if (batch.run !== null) batch.run.inflight--;
  }

  /** The result of `fetch` (or of its generator): an array now, or a Promise of one. */
  deliver(batch: Batch, result: unknown): void {
    if (!isPromiseLike(result)) return this.settle(batch, result);
    this.batchInFlight(batch);
    // A plain (async) fetch may await other loads while in flight; a generator fetch may not.
    const plain = batch.gen === null;
    if (plain) this.plainInflight++;
    const landed = () => {
      this.batchLanded(batch);
      if (plain) this.plainInflight--;
    };
    result.then(
      (values) => {
        if (batch.state === DONE) return;
        landed();
        this.settle(batch, values);
      },
      (error) => {
        if (batch.state === DONE) return;
        landed();
        this.failBatch(batch, error);
      },
    );
  }

  /** Fails every key of the batch; nothing is cached, so the next load fetches again. */
  failBatch(batch: Batch, error: unknown): void {
    if (batch.source._open === batch) batch.source._open = null;
    batch.state = DONE;
    batch.abandon();
    const cache = batch.source._cache;
    for (const slot of batch.slots) {
      if (cache.get(slot.cacheKey) === slot) cache.delete(slot.cacheKey);
      slot.reject(error);
    }
    this.report(batch, error);
    this.wakeAll(batch);
  }

  // ---- The loop -----------------------------------------------------------------------------

  schedule(): void {
    if (this.ticking) {
      // The tick decides at its end whether this needs a turn or a macrotask.
      this.wanted = true;
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    this.options.schedule(this.tickFn);
  }

  /**
   * Puts a key of a failed batch back in the cache until the next tick: prefetch waited on it,
   * and the field that needs it resolves before then, so it sees this failure instead of
   * fetching again. After that tick the key is gone, as for any failed batch. Prefetch does the
   * same with the landed keys of a `cache: false` Source, which keeps none.
   */
  keepFailed(source: AnySource, slot: Slot<unknown>): void {
    if (this.expiring.keep(source, slot)) this.schedule();
  }

  private tick(): void {
    this.scheduled = false;
    this.ticking = true;
    try {
      const turns = this.inlineTurns ? MAX_TURNS : 1;
      for (let turn = 1; this.turn() && turn < turns; turn++) {
        // Only jobs are left to resume, and nothing else can join their round: go on at once.
      }
    } finally {
      this.ticking = false;
    }
    if (this.wanted) {
      this.wanted = false;
      this.schedule();
    }
  }

  /**
   * One turn of the loop (steps 1 and 2). True when another turn may follow without a
   * macrotask: jobs are ready, no Promise is outstanding (none can land and add keys before a
   * macrotask would run), and this turn woke no `await` and settled no job's Promise (their
   * continuations run as microtasks, and their loads belong in the next round).
   */
  private turn(): boolean {
    this.wanted = false;
    this.promiseWoken = false;
    if (this.expiring.size > 0) this.expiring.expire();
    if (this.abortReason !== NOT_ABORTED) return false;
    // 1. Jobs.
    if (this.stack.length === 0 || this.options.parallel) {
      this.released = false;
      this.jobs.resume();
      if (this.released) {
        this.released = false;
        this.wanted = true;
        return false;
      }
    }
    // 2. and 3. Sources.
    this.advance();
    if (this.jobs.size === 0) return false;
    if (this.stack.length > 0 && !this.options.parallel) return false;
    this.wanted = true;
    return (
      this.jobs.hasReady &&
      this.inflight === 0 &&
      !this.promiseWoken &&
      !this.released &&
      this.expiring.size === 0 &&
      this.abortReason === NOT_ABORTED
    );
  }

  private advance(): void {
    for (let steps = 0; steps < MAX_STEPS; steps++) {
      if (this.abortReason !== NOT_ABORTED) return;
      const top = this.stack[this.stack.length - 1];
      if (top?.isDone()) {
        this.stack.pop();
        this.release(top);
        continue;
      }
      if (this.pending.length > 0) {
        if (this.stack.length === 0) this.stats.rounds++;
        const run = new Run(this.pending);
        this.pending = [];
        for (const batch of run.batches) batch.run = run;
        this.stack.push(run);
        continue;
      }
      if (top === undefined) return;
      if (moveRun(this, top)) continue;
      if (top.inflight > 0) {
        // Waiting on the top run's Promises: generators below that can go on (their data has
        // arrived, or they did a bare `yield`) may be what those fetches await.
        if (resumeBelow(this, this.stack)) continue;
        return; // a settling Promise schedules the next tick
      }
      // The top run waits on a run below (a generator there, or a batch it has not started):
      // let the runs below move, nearest first.
      let moved = false;
      for (let i = this.stack.length - 2; i >= 0 && !moved; i--)
        moved = moveRun(this, this.stack[i] as Run);
      if (moved) continue;
      if (this.inflight > 0) return;
      const deadlock = findDeadlock(this.stack);
      if (deadlock !== undefined) {
        for (const batch of deadlock.cycle) this.failBatch(batch, deadlock.error);
        continue;
      }
      return this.abort(invariant(`run of ${top.batches.map(describeBatch).join(', ')} is stuck`));
    }
    this.abort(invariant(`the source loop did not settle after ${MAX_STEPS} steps`));
  }

  /** Wakes the awaits a run held back (sequential mode), once all its batches are done. */
  private release(run: Run): void {
    if (run.held.length === 0) return;
    this.promiseWoken = true;
    const held = run.held.splice(0);
    for (const waiter of held) waiter.wake();
  }

  batchStarted(batch: Batch): void {
    this.hooks.started(batch);
  }

  // ---- Private helpers ----------------------------------------------------------------------

  /**
   * A key or a waiter arrived at a batch that a run below the top has taken but not fetched:
   * move it to a new run on top, so what is waited on now is fetched next (LIFO). While a run
   * steps its own generators, keys joining that same run's batches stay (they leave with it).
   */
  private lift(batch: Batch): void {
    const run = batch.run;
    if (batch.state !== NEW || run === null || run === this.steppingRun) return;
    const index = run.batches.indexOf(batch);
    if (index >= 0) run.batches.splice(index, 1);
    batch.run = null;
    this.pending.push(batch);
    this.schedule();
  }

  private settle(batch: Batch, result: unknown): void {
    let values = result;
    if (returnsRows(batch.source)) {
      try {
        values = alignRows(batch.source, batch.keys, batch.slots, result);
      } catch (error) {
        return this.failBatch(batch, error);
      }
    }
    if (!Array.isArray(values) || values.length !== batch.keys.length) {
      return this.failBatch(batch, fetchShapeError(sourceName(batch.source), batch.keys, values));
    }
    batch.state = DONE;
    batch.gen = null;
    const slots = batch.slots;
    for (let i = 0; i < slots.length; i++) {
      const value: unknown = values[i];
      const slot = slots[i] as Slot<unknown>;
      if (value instanceof Error) slot.reject(value);
      else slot.fulfill(value);
    }
    if (!batch.source._keep) forget(batch.source, slots);
    this.report(batch, undefined);
    this.wakeAll(batch);
  }

  /** Hands each settled key's waiters to whoever may run them now (see the algorithm). */
  private wakeAll(batch: Batch): void {
    const run = batch.run;
    // Sequential mode holds a run's awaits until the whole run is done, so one round's loads
    // leave together; an urgent await (made while a plain fetch was in flight, which may be the
    // one awaiting) is never held, or that fetch would wait forever.
    const holdPromises =
      !this.options.parallel && run !== null && this.stack.includes(run) && !run.isDone();
    for (const slot of batch.slots) {
      const waiters = slot.takeWaiters();
      if (waiters === null) continue;
      if (!Array.isArray(waiters)) this.hand(waiters, run, holdPromises);
      else for (const waiter of waiters) this.hand(waiter, run, holdPromises);
    }
    if (run !== null && !holdPromises) this.release(run);
    this.schedule();
  }

  private hand(waiter: Waiter, run: Run | null, holdPromises: boolean): void {
    if (waiter.kind === WAIT_PROMISE) {
      if (holdPromises && !waiter.urgent) return void (run as Run).held.push(waiter);
      this.promiseWoken = true;
    }
    waiter.wake();
  }

  private report(batch: Batch, error: unknown): void {
    this.stats.batches++;
    this.stats.keys += batch.keys.length;
    this.hooks.settled(batch, error);
  }

  abort(reason: unknown): void {
    if (this.abortReason !== NOT_ABORTED) return;
    this.abortReason = reason;
    const jobs = this.jobs.drain();
    for (const job of jobs) job.abandon(reason);
    const batches = [...this.pending, ...this.stack.flatMap((run) => run.batches)];
    this.plainInflight = 0;
    this.pending = [];
    this.stack.length = 0;
    for (const batch of batches) {
      if (batch.state === INFLIGHT) this.inflight--;
      if (batch.state !== DONE) this.failBatch(batch, reason);
    }
  }
}

/** `cache: false`: the landed keys leave the cache (their waiters read them from the slots). */
function forget(source: AnySource, slots: readonly Slot<unknown>[]): void {
  const cache = source._cache;
  for (const slot of slots) if (cache.get(slot.cacheKey) === slot) cache.delete(slot.cacheKey);
}

function invariant(message: string): Error {
  return new Error(
    `Invariant violation: ${message}. This is a bug in graphql-codegen-batch, please report it.`,
  );
}
