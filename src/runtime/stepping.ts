// Stepping a generator the way GraphQL-Ruby resumes a Fiber, shared by generator jobs
// (job.ts) and generator fetches (batch.ts): run until it returns, throws, waits on a pending
// key, yields a Promise, or does a bare `yield`. Each subclass says what those mean for it.
import { PENDING, Slot } from './load.js';
import { isPromiseLike } from './util/isPromiseLike.js';

/** How a generator is resumed: `gen.next(arg)` or `gen.throw(arg)`. */
export const NEXT_STEP = 0;
export const THROW_STEP = 1;
export type StepMode = typeof NEXT_STEP | typeof THROW_STEP;
/** What `invoke` returns when the step threw (the error is in `stepError`). */
export const THREW: unique symbol = Symbol('threw');

export abstract class GeneratorStepper {
  private resumeMode: StepMode = NEXT_STEP;
  private resumeArg: unknown = undefined;

  /** The generator to step (set before the first `runSteps`). */
  protected abstract generator(): Generator<unknown, unknown, unknown>;
  /**
   * Calls `gen.next(arg)` or `gen.throw(arg)`; on a throw, sets `stepError` and returns THREW
   * (a fetch wraps the call in `hooks.wrapFetch`). No closure or result object per step: a
   * job's steps are the scheduler's hottest loop.
   */
  protected abstract invoke(
    gen: Generator<unknown, unknown, unknown>,
    mode: StepMode,
    arg: unknown,
  ): IteratorResult<unknown, unknown> | typeof THREW;
  protected stepError: unknown = undefined;
  protected abstract onReturn(value: unknown): void;
  protected abstract onThrow(error: unknown): void;
  protected abstract onBareYield(): void;
  protected abstract onWait(slot: Slot<unknown>): void;
  /** A yielded Promise is outstanding. */
  protected abstract onAwait(): void;
  /** It settled: false when this task is over and must not resume. */
  protected abstract canResume(): boolean;
  /** The TypeError thrown back into the generator when it yields something else. */
  protected abstract badYield(value: unknown): TypeError;
  /** Schedules the next `runSteps` (the task is ready again). */
  abstract wake(): void;

  protected runSteps(): void {
    const gen = this.generator();
    for (;;) {
      const mode = this.resumeMode;
      const arg = this.resumeArg;
      this.resumeMode = NEXT_STEP;
      this.resumeArg = undefined;
      const step = this.invoke(gen, mode, arg);
      if (step === THREW) {
        const error = this.stepError;
        this.stepError = undefined;
        return this.onThrow(error);
      }
      if (step.done) return this.onReturn(step.value);
      const yielded = step.value;
      if (yielded === undefined) return this.onBareYield();
      if (yielded instanceof Slot) {
        if (yielded.state !== PENDING) continue;
        return this.onWait(yielded);
      }
      if (isPromiseLike(yielded)) {
        this.onAwait();
        yielded.then(
          (value) => this.resumeWith(NEXT_STEP, value),
          (error) => this.resumeWith(THROW_STEP, error),
        );
        return;
      }
      this.resumeMode = THROW_STEP;
      this.resumeArg = this.badYield(yielded);
    }
  }

  private resumeWith(mode: StepMode, arg: unknown): void {
    if (!this.canResume()) return;
    this.resumeMode = mode;
    this.resumeArg = arg;
    this.wake();
  }
}
