import type { JobLike } from './scheduler-types.js';

/**
 * The scheduler's generator jobs: ready (their key settled), yielded (a bare `yield`: resumed
 * in the next round) and parked (waiting on a key or a Promise, kept only so an abort can end
 * them).
 */
export class JobQueue {
  private ready: JobLike[] = [];
  private yielded: JobLike[] = [];
  private readonly parked = new Set<JobLike>();
  private readonly abortable: boolean;

  constructor(abortable: boolean) {
    this.abortable = abortable;
  }

  /** Jobs waiting to be resumed. */
  get size(): number {
    return this.ready.length + this.yielded.length;
  }

  /** Whether a job is waiting because its data arrived (not only after a bare `yield`). */
  get hasReady(): boolean {
    return this.ready.length > 0;
  }

  readyJob(job: JobLike): void {
    this.parked.delete(job);
    this.ready.push(job);
  }

  parkedJob(job: JobLike): void {
    // Only an abort needs to reach parked jobs, and only a signal can abort: without one, skip
    // the bookkeeping (a failed batch still wakes the jobs parked on its keys).
    if (this.abortable) this.parked.add(job);
  }

  yieldedJob(job: JobLike): void {
    this.yielded.push(job);
  }

  doneJob(job: JobLike): void {
    this.parked.delete(job);
  }

  /** Resumes the ready jobs, then the yielded ones; jobs queued meanwhile wait for the next. */
  resume(): void {
    const jobs = this.ready;
    const yielded = this.yielded;
    this.ready = [];
    this.yielded = [];
    for (const job of jobs) job.step();
    for (const job of yielded) job.step();
  }

  /** Takes every job out (an abort ends them). */
  drain(): JobLike[] {
    const jobs = [...this.parked, ...this.ready, ...this.yielded];
    this.parked.clear();
    this.ready = [];
    this.yielded = [];
    return jobs;
  }
}
