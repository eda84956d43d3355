// What a Source keeps once a batch lands: DataLoader's `cache` and `cacheMap` options, read from
// the Source's `cache` getter when the Dataloader creates the instance.
import type { Load, Slot } from './load.js';
import { PENDING } from './load.js';
import { inspect } from './util/inspect.js';

/**
 * A cache of Loads by cache key (DataLoader's `cacheMap`): a `Map`, or anything with these four
 * methods, such as an LRU cache from npm.
 */
export interface CacheMap<K = unknown, V = Load<unknown>> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
  delete(key: K): unknown;
  clear(): void;
}

/**
 * A Source's cache policy (its `cache` getter):
 * - `true` (the default): every key is kept for the Dataloader's life (one request);
 * - `false`: loads of one key share one entry until its batch lands, then nothing is kept,
 *   so the next load fetches it again (DataLoader's `cache: false`, but duplicate keys of a
 *   batch still reach `fetch` once);
 * - `{ max: n }`: the n most recently used keys are kept, for a long-lived Dataloader (a job
 *   runner, a subscription); a key whose batch is still in flight is never dropped;
 * - a `CacheMap` (DataLoader's `cacheMap`): the Source keeps its entries there.
 */
export type CachePolicy = boolean | { readonly max: number } | CacheMap<never, unknown>;

/** The cache a Source starts with, and whether it keeps a key once its batch has landed. */
export interface SourceCache {
  readonly map: CacheMap<unknown, Slot<unknown>>;
  readonly keep: boolean;
}

const KEEP_ALL: unique symbol = Symbol('keep all');

/** Reads and checks a Source's policy; a bad one throws, naming the class, the rule and the value. */
export function cacheFor(sourceName: string, policy: unknown): SourceCache {
  if (policy === true || policy === undefined) return { map: new Map(), keep: true };
  if (policy === false) return { map: new Map(), keep: false };
  if (isCacheMap(policy)) return { map: policy as CacheMap<unknown, Slot<unknown>>, keep: true };
  const max = typeof policy === 'object' && policy !== null ? boundOf(policy) : undefined;
  if (max === KEEP_ALL) return { map: new Map(), keep: true };
  if (max !== undefined) return { map: new BoundedCache(max), keep: true };
  throw new TypeError(
    `${sourceName}.cache must be true (keep every key: the default), false (keep nothing once a ` +
      'batch lands), { max: n } (keep the n most recently used keys; n a positive integer) or ' +
      `a map with get, set, delete and clear methods, but got: ${inspect(policy)}.`,
  );
}

function isCacheMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const map = value as Record<string, unknown>;
  return (
    typeof map.get === 'function' &&
    typeof map.set === 'function' &&
    typeof map.delete === 'function' &&
    typeof map.clear === 'function'
  );
}

function boundOf(policy: object): number | typeof KEEP_ALL | undefined {
  const keys = Object.keys(policy);
  if (keys.length !== 1 || keys[0] !== 'max') return undefined;
  const max = (policy as { max: unknown }).max;
  if (max === Number.POSITIVE_INFINITY) return KEEP_ALL;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : undefined;
}

/**
 * A least-recently-used cache of at most `max` settled keys. A key in flight is never dropped
 * (its batch will deliver it, and a second entry would send the key to `fetch` twice), so while
 * batches are in flight the cache may hold more; the next insertion trims it again.
 */
export class BoundedCache implements CacheMap<unknown, Slot<unknown>> {
  readonly max: number;
  // A Map iterates in insertion order: re-inserting an entry on use keeps the oldest first.
  private readonly entries = new Map<unknown, Slot<unknown>>();

  constructor(max: number) {
    this.max = max;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: unknown): Slot<unknown> | undefined {
    const slot = this.entries.get(key);
    if (slot !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, slot);
    }
    return slot;
  }

  set(key: unknown, slot: Slot<unknown>): this {
    this.entries.delete(key);
    this.entries.set(key, slot);
    if (this.entries.size > this.max) this.trim();
    return this;
  }

  delete(key: unknown): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Drops the oldest settled keys; stops at the first key in flight (newer ones follow it). */
  private trim(): void {
    for (const [key, slot] of this.entries) {
      if (this.entries.size <= this.max || slot.state === PENDING) return;
      this.entries.delete(key);
    }
  }
}
