import { JobTask } from './job.js';
import { Scheduler } from './scheduler.js';
import type { Stats } from './scheduler-types.js';
import type { ParamsOf, Source, SourceClass } from './source.js';
import { Source as SourceBase } from './source.js';
import { inspect } from './util/inspect.js';
import { isGenerator } from './util/isGenerator.js';
import type { PromiseOrValue } from './util/promiseOrValue.js';
import { defaultSchedule } from './util/schedule.js';
import { identityOf, inCall } from './util/stableKey.js';

/** What `hooks.onBatch` receives once per batch. */
export interface BatchEvent {
  readonly source: Source<unknown, unknown, unknown>;
  readonly keys: readonly unknown[];
  /** From the `fetch` call to its settlement (0 when no clock was taken). */
  readonly durationMs: number;
  /** The batch failure (fetch threw or rejected, wrong shape, deadlock, abort); undefined on success. */
  readonly error: unknown;
}

export interface DataloaderHooks {
  /**
   * Runs around every call into a `fetch` (the call itself, and each step of a generator
   * fetch): set AsyncLocalStorage, a connection or a transaction for the batch. Must call
   * `fetch` once and return what it returns.
   */
  wrapFetch?: (
    source: Source<unknown, unknown, unknown>,
    keys: readonly unknown[],
    fetch: () => unknown,
  ) => unknown;
  /** Reports each settled batch (tracing, metrics). Errors it throws are ignored. */
  onBatch?: (event: BatchEvent) => void;
  /**
   * Reports each `load` (and each key of `loadAll`), as it is made, so tracing can tell which
   * code asked for a batch's keys. `batch` is the keys array of the batch it belongs to (the
   * array `wrapFetch` and `onBatch` receive): the batch a new key joined or, for a load the
   * cache answered (`cached`: a value, an error, or a key already being loaded), the batch of
   * that source still taking keys, or null when there is none. Errors it throws are ignored.
   * Unset, loads cost nothing extra.
   */
  onLoad?: (
    source: Source<unknown, unknown, unknown>,
    key: unknown,
    batch: readonly unknown[] | null,
    cached: boolean,
  ) => void;
}

export interface DataloaderOptions {
  /**
   * The request's context (database handle, tenant, viewer): every Source reads it as
   * `this.context`, typed by its class (`Source<K, V, P, Context>`).
   */
  context?: unknown;
  /** Aborting it rejects every waiting job and load with its reason and starts no new fetch. */
  signal?: AbortSignal | undefined;
  hooks?: DataloaderHooks | undefined;
  /**
   * When to run the scheduler after loads were registered. Default: after the current
   * macrotask and its microtasks (setImmediate, else MessageChannel, else setTimeout), and
   * rounds of generator jobs that nothing else can join follow at once in the same macrotask.
   * Tests may pass their own to step the scheduler by hand: then each call runs one step.
   */
  schedule?: ((run: () => void) => void) | undefined;
}

/** A job for `run`: a function (plain or async) or a generator function. */
export type Job<T> = () => Generator<unknown, T, unknown> | PromiseOrValue<T>;

/**
 * The per-request batch loader: GraphQL-Ruby's `GraphQL::Dataloader`. Create one per request
 * (it caches), put it on the context, and load through `dataloader.with(SourceClass)`.
 * Sequential mode: a new fetch starts only when the run's previous one has settled or waits on
 * other sources' data, dependencies first (the algorithm in scheduler.ts).
 */
export class Dataloader {
  readonly signal: AbortSignal | undefined;
  /** The `context` option: what every Source reads as `this.context` (undefined when not given). */
  readonly context: unknown;
  /** @internal */
  readonly _scheduler: Scheduler;
  /** @internal counters the scheduler and sources update in place. */
  readonly _stats: Stats;
  /** @internal */
  // biome-ignore lint/suspicious/noExplicitAny: instances of any Source class.
  private readonly sources = new Map<Function, any>();
  /** @internal */
  // biome-ignore lint/suspicious/noExplicitAny: instances of any Source class, by params.
  private readonly sourcesByParams = new Map<Function, Map<unknown, any>>();

  constructor(options: DataloaderOptions = {}) {
    this._scheduler = new Scheduler({
      abortable: options.signal !== undefined,
      parallel: this.isParallel(),
      bound: this.concurrency(options),
      hooks: options.hooks,
      schedule: options.schedule ?? defaultSchedule,
    });
    this._stats = this._scheduler.stats;
    this.signal = options.signal;
    this.context = options.context;
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) this._scheduler.abort(signal.reason);
      else
        signal.addEventListener('abort', () => this._scheduler.abort(signal.reason), {
          once: true,
        });
    }
  }

  /**
   * The instance of `SourceClass` for these batch parameters, created on first use and kept for
   * this Dataloader's life. Parameters are compared by value.
   */
  // biome-ignore lint/suspicious/noExplicitAny: K and V vary per Source class.
  with<S extends Source<any, any, undefined>>(SourceClass: SourceClass<S>): S;
  // biome-ignore lint/suspicious/noExplicitAny: K and V vary per Source class.
  with<S extends Source<any, any, any>>(SourceClass: SourceClass<S>, params: ParamsOf<S>): S;
  // biome-ignore lint/suspicious/noExplicitAny: K and V vary per Source class.
  with<S extends Source<any, any, any>>(SourceClass: SourceClass<S>, params?: ParamsOf<S>): S {
    if (params === undefined) {
      const existing = this.sources.get(SourceClass);
      if (existing !== undefined) return existing;
      const created = this.create(SourceClass, params as ParamsOf<S>);
      this.sources.set(SourceClass, created);
      return created;
    }
    const id = paramsIdentity(SourceClass, params);
    let byParams = this.sourcesByParams.get(SourceClass);
    if (byParams === undefined) {
      byParams = new Map();
      this.sourcesByParams.set(SourceClass, byParams);
    }
    const existing = byParams.get(id);
    if (existing !== undefined) return existing;
    const created = this.create(SourceClass, params);
    byParams.set(id, created);
    return created;
  }

  /**
   * Runs a job. A generator function may `yield* source.load(key)` (and bare `yield`); the
   * result is the value itself when the job finished without waiting, else a Promise.
   * A job that throws rejects its own result only.
   */
  run<T>(job: Job<T>): PromiseOrValue<T> {
    if (typeof job !== 'function') {
      throw new TypeError(
        `dataloader.run() expects a function or a generator function, but got: ${inspect(job)}.`,
      );
    }
    const started = job();
    if (!isGenerator(started)) return started as PromiseOrValue<T>;
    const task = new JobTask<T>(started as Generator<unknown, T, unknown>, this._scheduler);
    task.step();
    if (task.done) {
      if (task.threw) throw task.error;
      return task.value as T;
    }
    return task.promise();
  }

  /** Forgets every cached key of every source (in-flight waiters still get their values). */
  clearCache(): void {
    for (const source of this.sources.values()) source.clearAll();
    for (const byParams of this.sourcesByParams.values())
      for (const source of byParams.values()) source.clearAll();
  }

  /** Counters since creation: fetch calls, keys fetched, rounds, loads served from cache. */
  get stats(): Readonly<Stats> {
    return { ...this._stats };
  }

  /** @internal */
  protected isParallel(): boolean {
    return false;
  }

  /** @internal */
  protected concurrency(_options: DataloaderOptions): number {
    return 1;
  }

  /** @internal */
  // biome-ignore lint/suspicious/noExplicitAny: K and V vary per Source class.
  private create<S extends Source<any, any, any>>(
    SourceClass: SourceClass<S>,
    params: ParamsOf<S>,
  ): S {
    if (typeof SourceClass !== 'function' || !(SourceClass.prototype instanceof SourceBase)) {
      throw new TypeError(
        `dataloader.with() expects a Source class (a class that extends Source), but got: ${inspect(SourceClass)}.`,
      );
    }
    return new SourceClass(this, params);
  }
}

/**
 * The identity of batch parameters, as `identityOf` gives it. Generated wrappers pass a fresh
 * plain object of one primitive argument on every call (`{ first: args.first }`): its
 * serialisation is built here directly, without walking the object.
 */
function paramsIdentity(SourceClass: Function, params: unknown): unknown {
  if (typeof params === 'object' && params !== null) {
    const proto = Object.getPrototypeOf(params);
    if (proto === Object.prototype || proto === null) {
      let name: string | undefined;
      let count = 0;
      for (const key in params) {
        name = key;
        if (++count > 1) break;
      }
      if (
        count === 1 &&
        Object.hasOwn(params, name as string) &&
        Object.getOwnPropertySymbols(params).length === 0
      ) {
        const value = (params as Record<string, unknown>)[name as string];
        // `${n}` is JSON's text of a finite number (-0 included: "0"), as identityOf writes it.
        if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
          return `\u0000{${JSON.stringify(name)}:${value}}`;
        if (value === null) return `\u0000{${JSON.stringify(name)}:null}`;
      }
    }
  }
  try {
    return identityOf(params);
  } catch (error) {
    throw inCall(error, () => `dataloader.with(${SourceClass.name}, ${inspect(params)})`);
  }
}

export interface AsyncDataloaderOptions extends DataloaderOptions {
  /** How many batches of one run may be in flight at once. Default: no limit. */
  maxConcurrency?: number | undefined;
}

/**
 * Async mode (GraphQL-Ruby's `AsyncDataloader`): all pending batches fetch concurrently, up to
 * `maxConcurrency`, and each batch's waiters resume as soon as that batch settles.
 */
export class AsyncDataloader extends Dataloader {
  constructor(options: AsyncDataloaderOptions = {}) {
    super(options);
  }

  /** @internal */
  protected override isParallel(): boolean {
    return true;
  }

  /** @internal */
  protected override concurrency(options: AsyncDataloaderOptions): number {
    const max = options.maxConcurrency;
    if (max === undefined) return Number.POSITIVE_INFINITY;
    if (!(Number.isInteger(max) && max >= 1) && max !== Number.POSITIVE_INFINITY) {
      throw new TypeError(
        `AsyncDataloader option maxConcurrency must be a positive integer, but got: ${inspect(max)}.`,
      );
    }
    return max;
  }
}
