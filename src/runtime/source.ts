import { type Batch, NEW } from './batch.js';
import { type CacheMap, type CachePolicy, cacheFor } from './cache.js';
import type { Dataloader, DataloaderHooks } from './dataloader.js';
import { type Load, LoadList, LoadSettled, LoadValue, PENDING, REJECTED, Slot } from './load.js';
import { type FieldOf, fetchedWith, type Projection } from './projection.js';
import { inspect } from './util/inspect.js';
import type { PromiseOrValue } from './util/promiseOrValue.js';
import { identityOf, inCall } from './util/stableKey.js';

/**
 * What `fetch` returns: one entry per key, in key order (the value, or an Error for that key
 * only), as an array, a Promise of one, or a generator that may `yield*` other sources' loads
 * or do a bare `yield` (manual parallelism) before returning the array or its Promise. A Source
 * that declares `rowKey` or `groupKey` returns its rows instead, in any order (see RowsResult).
 */
export type FetchResult<V> =
  | PromiseOrValue<ReadonlyArray<V | Error>>
  | Generator<unknown, PromiseOrValue<ReadonlyArray<V | Error>>, unknown>
  | RowsResult<ElementOf<V>>;

/**
 * What the `fetch` of a Source that declares `rowKey` or `groupKey` returns: its rows, in any
 * order, any number per key (an array or other iterable), in the same three forms.
 */
export type RowsResult<R> =
  | PromiseOrValue<Iterable<R>>
  | Generator<unknown, PromiseOrValue<Iterable<R>>, unknown>;

/** The item type of a list value (the row of a `groupKey` Source); never for other values. */
export type ElementOf<V> = V extends readonly (infer R)[] ? R : never;

/**
 * A kind of data that can be loaded in batches: GraphQL-Ruby's `GraphQL::Dataloader::Source`.
 * Implement `fetch(keys)`; the Dataloader creates one instance per class and batch parameters
 * (`dataloader.with(Users)`, `dataloader.with(CommentsByPost, { first: 10 })`).
 *
 * K is the key type, V the value type, P the batch parameters (`this.params`), C the request's
 * context (`this.context`: what `new Dataloader({ context })` was given).
 */
export abstract class Source<K, V, P = undefined, C = unknown> {
  /**
   * True in a Source whose `fetch` reads only the fields its batch asked for (its second
   * argument, `projection.fields`). Loads then carry the fields their callers read, and a value
   * fetched with some fields serves later loads of those fields only: a load that asks for
   * others (or for everything) fetches the key again. Default false: every fetch reads
   * everything and `projection.fields` is null.
   */
  static readonly projection: boolean = false;

  readonly dataloader: Dataloader;
  readonly params: P;
  /** @internal cache key → the key's Load; holds values, errors and in-flight keys. */
  readonly _cache: CacheMap<unknown, Slot<V>>;
  /** @internal false for `cache: false`: a key leaves the cache when its batch lands. */
  readonly _keep: boolean;
  /** @internal the batch that still takes keys (not yet fetched), if any. */
  _open: object | null = null;

  /** @internal the Dataloader's counters, held directly: `load` is the hot path. */
  private readonly stats: { cacheHits: number };
  /** @internal true while `cacheKey` is the default, which `load` then inlines. */
  private readonly defaultIdentity: boolean;
  /** @internal `hooks.onLoad`, if any. */
  private readonly onLoad: DataloaderHooks['onLoad'];
  /** @internal the class's `static projection`. */
  private readonly projects: boolean;

  constructor(dataloader: Dataloader, params: P) {
    this.dataloader = dataloader;
    this.params = params;
    this.stats = dataloader._stats;
    this.defaultIdentity = this.cacheKey === Source.prototype.cacheKey;
    this.onLoad = dataloader._scheduler.onLoad;
    this.projects = (this.constructor as { projection?: unknown }).projection === true;
    const cache = cacheFor(this.constructor.name || 'Source', this.cache);
    this._cache = cache.map as CacheMap<unknown, Slot<V>>;
    this._keep = cache.keep;
  }

  /**
   * The request's context, as the Dataloader was given it (`new Dataloader({ context })`;
   * `useDataloader` passes the execution's context): the database handle, tenant or viewer.
   * Readable in `fetch` (every step of a generator fetch too), `cacheKey` and anywhere else.
   * Throws when the Dataloader was created without a context.
   */
  get context(): C {
    const context = this.dataloader.context;
    if (context === undefined) {
      throw new TypeError(
        `${this.constructor.name} read this.context, but its Dataloader was created without a context: pass one, as in new Dataloader({ context }) (useDataloader passes the execution's context).`,
      );
    }
    return context as C;
  }

  /**
   * Loads the values of `keys`, aligned with them (see FetchResult). Implementations may declare
   * the keys `readonly K[]` (DataLoader's signature) or `K[]`: the array is the batch's own.
   * `projection.fields`: the fields the batch's loads asked for, when the class declares
   * `static projection = true` (else null); a fetch that reads everything can leave it out.
   */
  abstract fetch(keys: readonly K[], projection: Projection<V>): FetchResult<V>;

  /**
   * The identity of a key for caching and deduplication (GraphQL-Ruby `result_key_for`).
   * Default: primitives as themselves, plain objects and arrays by a stable serialisation.
   */
  cacheKey(key: K): unknown {
    return identityOf(key);
  }

  /** The largest batch `fetch` receives; larger batches are split. Default: no limit. */
  get maxBatchSize(): number {
    return Number.POSITIVE_INFINITY;
  }

  /**
   * What this Source keeps once a batch lands (DataLoader's `cache` and `cacheMap`), read once,
   * when the Dataloader creates the instance: `true` (default: every key, for the Dataloader's
   * life), `false` (nothing: loads of a key share one entry only until its batch lands),
   * `{ max: n }` (the n most recently used keys, for a long-lived Dataloader) or a map with
   * get, set, delete and clear (an LRU cache from npm). See CachePolicy.
   */
  get cache(): CachePolicy {
    return true;
  }

  /**
   * Declare it when `fetch` returns one row per key, in any order, keys without a row left out
   * (a `WHERE id = ANY($1)` query): it returns the key a row belongs to, and the batch lines the
   * rows up with its keys (matched by `cacheKey` identity; the first row of a key wins). A key
   * with no row gets `missing(key)`.
   */
  rowKey?(row: NonNullable<V>): K;

  /**
   * Declare it when `fetch` returns any number of rows per key, in any order (a one-to-many
   * Source, `@batch(many: true)`): it returns the key a row belongs to, and each key gets its
   * rows, in row order; a key with no row gets `[]`.
   */
  groupKey?(row: ElementOf<V>): K;

  /**
   * The value of a key that `fetch` returned no row for, when the Source declares `rowKey`.
   * Default: `null` (a nullable field resolves null; a non-null one reports a NotFoundError).
   * Return an Error to reject that key only.
   */
  // biome-ignore lint/correctness/noUnusedFunctionParameters: named for overrides and the docs.
  missing(key: K): V | Error {
    return null as V;
  }

  /** @internal A key's identity, as `load` computes it (rows are matched to keys by it). */
  _identity(key: K): unknown {
    return this.defaultIdentity ? identityOf(key) : this.cacheKey(key);
  }

  /**
   * The value of `key`. The key is registered at once, so loads made before anything waits
   * share a batch; a cached key (value or error) returns a settled Load that never waits.
   * `fields`: the fields of the value the caller reads, for a Source that projects (see
   * `static projection`); without them, everything. Other Sources ignore them.
   */
  load(key: K, fields?: readonly FieldOf<V>[]): Load<V> {
    // Numbers are their own identity under the default cacheKey: the common key skips the call
    // (and its try/catch), which keeps this method small enough to inline.
    const cacheKey =
      typeof key === 'number' && this.defaultIdentity ? key : this.identityOfKey(key);
    const cached = this._cache.get(cacheKey);
    if (cached !== undefined && (!this.projects || this.serves(cached, fields))) {
      if (cached.state !== PENDING) this.stats.cacheHits++;
      if (this.onLoad !== undefined) this.reportLoad(key, this._open as Batch | null, true);
      return cached;
    }
    const slot = new Slot<V>(cacheKey);
    this._cache.set(cacheKey, slot);
    this.dataloader._scheduler.register(this as Source<unknown, unknown, unknown>, slot, key);
    if (this.projects) {
      const batch = slot.owner as Batch | null;
      batch?.select(fields);
      // The new entry replaces one fetched with other fields: fetch those too, so it serves
      // every load the old one did (two selections of a key do not refetch it in turn).
      const had = cached === undefined ? undefined : fetchedWith.get(cached);
      if (had !== undefined) batch?.select([...had]);
    }
    if (this.onLoad !== undefined) this.reportLoad(key, slot.owner as Batch | null, false);
    return slot;
  }

  /** @internal */
  private reportLoad(key: K, batch: Batch | null, cached: boolean): void {
    try {
      this.onLoad?.(this as Source<unknown, unknown, unknown>, key, batch?.keys ?? null, cached);
    } catch {
      // Like onBatch: a reporting hook never fails the load it reports.
    }
  }

  /**
   * @internal
   * Whether a cached key can answer a load of `fields` (a projecting Source): a key whose batch
   * still takes keys can (the batch's fields widen); so can one fetched with everything, or with
   * every field asked for, and one whose outcome has no fields (an Error, or nothing found).
   * Otherwise the key is fetched again, with the fields asked for.
   */
  private serves(cached: Slot<V>, fields: readonly string[] | undefined): boolean {
    if (cached.state === PENDING) {
      const owner = cached.owner as Batch | null;
      if (owner !== null && owner.state === NEW) {
        owner.select(fields);
        return true;
      }
    } else if (cached.state === REJECTED || cached.outcome == null) return true;
    const had = fetchedWith.get(cached);
    if (had === undefined) return true;
    if (fields === undefined) return false;
    for (const field of fields) if (!had.has(field)) return false;
    return true;
  }

  /** @internal the cache identity of `key`; an error names this `load` call. */
  private identityOfKey(key: K): unknown {
    try {
      return this._identity(key);
    } catch (error) {
      throw inCall(error, () => `${this.constructor.name}.load(${inspect(key)})`);
    }
  }

  /** The values of `keys`, in key order, duplicates kept; fails with the first failed key. */
  loadAll(keys: readonly K[], fields?: readonly FieldOf<V>[]): Load<V[]> {
    if (!Array.isArray(keys)) throw notKeys(this, 'loadAll', keys);
    if (keys.length === 0) return new LoadValue<V[]>([]);
    return new LoadList<V>(loadEach(this, keys, fields));
  }

  /**
   * One entry per key, in key order, duplicates kept: the value, or that key's Error
   * (DataLoader's `loadMany`). It waits for every key and never fails for a key's error; it
   * fails only when the Dataloader is aborted (with the abort reason).
   */
  loadMany(keys: readonly K[], fields?: readonly FieldOf<V>[]): Load<(V | Error)[]> {
    if (!Array.isArray(keys)) throw notKeys(this, 'loadMany', keys);
    if (keys.length === 0) return new LoadValue<(V | Error)[]>([]);
    return new LoadSettled<V>(loadEach(this, keys, fields), keys, this);
  }

  /**
   * Puts a value (or an Error) in the cache for `key`, unless the key is already there. A
   * Source with `cache: false` keeps nothing, so priming it does nothing (as in DataLoader).
   */
  prime(key: K, value: V | Error): this {
    if (!this._keep) return this;
    const cacheKey = this.cacheKey(key);
    if (this._cache.get(cacheKey) !== undefined) return this;
    const slot = new Slot<V>(cacheKey);
    if (value instanceof Error) slot.reject(value);
    else slot.fulfill(value);
    this._cache.set(cacheKey, slot);
    return this;
  }

  /** Forgets `key`: the next load fetches it again. Waiters of an in-flight batch still get it. */
  clear(key: K): this {
    this._cache.delete(this.cacheKey(key));
    return this;
  }

  /** Forgets every key of this source (in-flight waiters still get their values). */
  clearAll(): this {
    this._cache.clear();
    return this;
  }
}

function notKeys(source: object, method: string, keys: unknown): TypeError {
  return new TypeError(
    `${source.constructor.name}.${method}() expects an array of keys, but got: ${inspect(keys)}.`,
  );
}

function loadEach<K, V>(
  source: Source<K, V, unknown>,
  keys: readonly K[],
  fields: readonly FieldOf<V>[] | undefined,
): Load<V>[] {
  const parts: Load<V>[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) parts[i] = source.load(keys[i] as K, fields);
  return parts;
}

/** The key type of a Source class instance. */
export type KeyOf<S> = S extends Source<infer K, unknown, unknown> ? K : never;
/** The value type of a Source class instance. */
export type ValueOf<S> = S extends Source<unknown, infer V, unknown> ? V : never;
/** The batch-parameter type of a Source class instance. */
export type ParamsOf<S> = S extends Source<unknown, unknown, infer P> ? P : never;

/** A concrete Source class, as passed to `dataloader.with()` and to `createBatchResolvers()`. */
// biome-ignore lint/suspicious/noExplicitAny: a class of any Source: K and V vary per class.
export type SourceClass<S extends Source<any, any, any>> = new (
  dataloader: Dataloader,
  params: ParamsOf<S>,
) => S;
