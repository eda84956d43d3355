// Test support for the runtime contract suite: scheduler modes, an in-memory table whose
// fetch logs each key list, and controllable deferreds (no sleeps, no timings).
import {
  AsyncDataloader,
  Dataloader,
  type DataloaderOptions,
  Source,
} from 'graphql-codegen-batch/runtime';

export interface Mode {
  readonly name: string;
  readonly parallel: boolean;
  create(options?: DataloaderOptions): Dataloader;
}

/** Every behavioural test runs against each of these (GraphQL-Ruby's DataloaderAssertions). */
export const modes: readonly Mode[] = [
  { name: 'Dataloader', parallel: false, create: (o) => new Dataloader(o) },
  { name: 'AsyncDataloader', parallel: true, create: (o) => new AsyncDataloader(o) },
  {
    name: 'AsyncDataloader({ maxConcurrency: 1 })',
    parallel: true,
    create: (o) => new AsyncDataloader({ ...o, maxConcurrency: 1 }),
  },
];

/** One entry per fetch call: which source, which keys, in which order. */
export type Log = [string, unknown[]][];

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Resolves after the scheduler has had `n` chances to run (macrotask turns, not time). */
export async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

// Each test builds its sources over a fresh log, so the assertions pin exact batches.
export function table(log: Log) {
  class Users extends Source<number, string> {
    async fetch(ids: number[]) {
      log.push(['Users', ids]);
      return ids.map((id) => `user${id}`);
    }
  }
  class Posts extends Source<number, number[]> {
    fetch(userIds: number[]) {
      log.push(['Posts', userIds]);
      return userIds.map((id) => [id * 10, id * 10 + 1]);
    }
  }
  class Comments extends Source<number, string> {
    async fetch(postIds: number[]) {
      log.push(['Comments', postIds]);
      return postIds.map((id) => `comment${id}`);
    }
  }
  return { Users, Posts, Comments };
}
