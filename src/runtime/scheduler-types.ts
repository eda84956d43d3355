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
  rounds: number;
  cacheHits: number;
}

/** What the scheduler needs of a generator job (job.ts). */
export interface JobLike {
  step(): void;
  abandon(error: unknown): void;
}
