import type { DataloaderHooks } from './dataloader.js';

export interface SchedulerOptions {
  /** A signal was given: parked jobs are tracked so an abort can end them. */
  readonly abortable: boolean;
  /** Async mode: every pending batch fetches at once and waiters resume as each one settles. */
  readonly parallel: boolean;
  /** How many batches of one run may be in flight at once (sequential mode: 1). */
  readonly bound: number;
  readonly hooks: DataloaderHooks | undefined;
  readonly schedule: (fn: () => void) => void;
}

export interface Stats {
  batches: number;
  keys: number;
  /**
   * Times batches started while no batch of this Dataloader was running or waiting (a run
   * pushed on an empty stack). Sequential mode resumes jobs only between rounds, so this is the
   * depth of the data. Async mode resumes a job as soon as its batch settles, so the count
   * depends on timing: a next level that starts while other batches are in flight joins their
   * round, and loads that arrive after every batch has settled (a resolver that resumed on a
   * later tick) open a new one.
   */
  rounds: number;
  cacheHits: number;
}

/** What the scheduler needs of a generator job (job.ts). */
export interface JobLike {
  step(): void;
  abandon(error: unknown): void;
}
