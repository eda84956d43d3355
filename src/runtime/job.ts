import { PENDING, Slot, WAIT_JOB, type Waiter } from './load.js';
import type { Scheduler } from './scheduler.js';
import { inspect } from './util/inspect.js';
import { isPromiseLike } from './util/isPromiseLike.js';

const NEXT = 0;
const THROW = 1;

/**
 * A generator job (`dataloader.run(function* () { … })`): GraphQL-Ruby's job Fiber. It runs
 * until it waits on a pending key (parked on that key), does a bare `yield` (resumed in the
 * next round), or finishes.
 */
export class JobTask<T> implements Waiter {
  readonly kind = WAIT_JOB;
  private readonly gen: Generator<unknown, T, unknown>;
  private readonly scheduler: Scheduler;
  done = false;
  threw = false;
  value: T | undefined = undefined;
  error: unknown = undefined;
  private resolve: ((value: T) => void) | null = null;
  private reject: ((error: unknown) => void) | null = null;
  private resumeMode: typeof NEXT | typeof THROW = NEXT;
  private resumeArg: unknown = undefined;

  constructor(gen: Generator<unknown, T, unknown>, scheduler: Scheduler) {
    this.gen = gen;
    this.scheduler = scheduler;
  }

  /** The job's result, once it has had to wait. */
  promise(): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  wake(): void {
    if (this.done) return;
    this.scheduler.jobReady(this);
  }

  step(): void {
    const gen = this.gen;
    for (;;) {
      const mode = this.resumeMode;
      const arg = this.resumeArg;
      this.resumeMode = NEXT;
      this.resumeArg = undefined;
      let step: IteratorResult<unknown, T>;
      try {
        step = mode === THROW ? gen.throw(arg) : gen.next(arg);
      } catch (error) {
        return this.finish(true, undefined, error);
      }
      if (step.done) return this.finish(false, step.value, undefined);
      const yielded = step.value;
      if (yielded === undefined) return this.scheduler.jobYielded(this);
      if (yielded instanceof Slot) {
        if (yielded.state !== PENDING) continue;
        this.scheduler.jobParked(this);
        yielded.park(this);
        return;
      }
      if (isPromiseLike(yielded)) return this.awaitYielded(yielded);
      this.resumeMode = THROW;
      this.resumeArg = new TypeError(
        `A Dataloader job yielded ${inspect(yielded)}: wait for data with ` +
          '`yield* source.load(key)` (note the star) or hand control back with a bare `yield`.',
      );
    }
  }

  /** Ends the job with `error` (abort): its `finally` blocks run, its result rejects. */
  abandon(error: unknown): void {
    if (this.done) return;
    try {
      this.gen.return(undefined as T);
    } catch {
      // The job is being failed already; a throwing `finally` cannot change that.
    }
    this.finish(true, undefined, error);
  }

  private awaitYielded(promise: PromiseLike<unknown>): void {
    this.scheduler.jobParked(this);
    promise.then(
      (value) => this.resumeAfterPromise(NEXT, value),
      (error) => this.resumeAfterPromise(THROW, error),
    );
  }

  private resumeAfterPromise(mode: typeof NEXT | typeof THROW, arg: unknown): void {
    if (this.done) return;
    this.resumeMode = mode;
    this.resumeArg = arg;
    this.wake();
  }

  private finish(threw: boolean, value: T | undefined, error: unknown): void {
    this.done = true;
    this.threw = threw;
    this.value = value;
    this.error = error;
    this.scheduler.jobDone(this);
    if (threw) this.reject?.(error);
    else this.resolve?.(value as T);
    if (this.resolve !== null) this.scheduler.released = true;
  }
}
