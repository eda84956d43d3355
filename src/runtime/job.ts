import { type Slot, WAIT_JOB, type Waiter } from './load.js';
import type { Scheduler } from './scheduler.js';
import { GeneratorStepper, type StepMode, THREW, THROW_STEP } from './stepping.js';
import { inspect } from './util/inspect.js';

/**
 * A generator job (`dataloader.run(function* () { … })`): GraphQL-Ruby's job Fiber. It runs
 * until it waits on a pending key (parked on that key), does a bare `yield` (resumed in the
 * next round), or finishes.
 */
export class JobTask<T> extends GeneratorStepper implements Waiter {
  readonly kind = WAIT_JOB;
  private readonly gen: Generator<unknown, T, unknown>;
  private readonly scheduler: Scheduler;
  done = false;
  threw = false;
  value: T | undefined = undefined;
  error: unknown = undefined;
  private resolve: ((value: T) => void) | null = null;
  private reject: ((error: unknown) => void) | null = null;
  constructor(gen: Generator<unknown, T, unknown>, scheduler: Scheduler) {
    super();
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

  override wake(): void {
    if (this.done) return;
    this.scheduler.jobReady(this);
  }

  step(): void {
    this.runSteps();
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

  protected override generator(): Generator<unknown, unknown, unknown> {
    return this.gen;
  }

  protected override invoke(
    gen: Generator<unknown, unknown, unknown>,
    mode: StepMode,
    arg: unknown,
  ): IteratorResult<unknown, unknown> | typeof THREW {
    try {
      return mode === THROW_STEP ? gen.throw(arg) : gen.next(arg);
    } catch (error) {
      this.stepError = error;
      return THREW;
    }
  }

  protected override onReturn(value: unknown): void {
    this.finish(false, value as T, undefined);
  }

  protected override onThrow(error: unknown): void {
    this.finish(true, undefined, error);
  }

  protected override onBareYield(): void {
    this.scheduler.jobYielded(this);
  }

  protected override onWait(slot: Slot<unknown>): void {
    this.scheduler.jobParked(this);
    slot.park(this);
  }

  protected override onAwait(): void {
    this.scheduler.jobParked(this);
  }

  protected override canResume(): boolean {
    return !this.done;
  }

  protected override badYield(value: unknown): TypeError {
    return new TypeError(
      `A Dataloader job yielded ${inspect(value)}: wait for data with ` +
        '`yield* source.load(key)` (note the star) or hand control back with a bare `yield`.',
    );
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
