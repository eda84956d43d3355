import { inspect } from './util/inspect.js';
import type { PromiseOrValue } from './util/promiseOrValue.js';

/**
 * Anything parked on a pending key: a generator job, a generator fetch, or the resolvers of an
 * `await`. `wake` is called once the key has settled (or, for `Load#then`, to poll again).
 */
export interface Waiter {
  readonly kind: WaiterKind;
  /**
   * Set by the scheduler on an `await` made while a plain fetch was in flight: that fetch may be
   * the one awaiting, so this waiter is never held back (see Scheduler#wakeAll).
   */
  urgent?: boolean;
  wake(): void;
}

/** Who waits decides when it may run again (see the scheduler's comment in scheduler.ts). */
export const WAIT_PROMISE = 0;
export const WAIT_JOB = 1;
export const WAIT_FETCH = 2;
export type WaiterKind = typeof WAIT_PROMISE | typeof WAIT_JOB | typeof WAIT_FETCH;

/** The batch that will deliver a pending key; told when a waiter parks on one of its keys. */
export interface SlotOwner {
  parked(slot: Slot<unknown>, waiter: Waiter): void;
}

export const PENDING = 0;
export const FULFILLED = 1;
export const REJECTED = 2;
type State = typeof PENDING | typeof FULFILLED | typeof REJECTED;

/**
 * A value that a Source will deliver. Await it (`await users.load(1)`) or delegate to it in a
 * generator job (`yield* users.load(1)`); both read the value straight from the settled batch.
 * It is also its own iterator: `next()` yields the first pending key it waits on, then returns
 * the value once everything it needs has settled, so a cached value never waits.
 */
export abstract class Load<V> implements PromiseLike<V>, Iterator<unknown, V, unknown> {
  /** @internal The first key this load still waits on, or null when it can be read. */
  abstract pendingSlot(): Slot<unknown> | null;
  /** @internal The value; throws a failed key's error. Only valid once `pendingSlot()` is null. */
  abstract result(): V;

  /** True once the value (or error) can be read without waiting. */
  get settled(): boolean {
    return this.pendingSlot() === null;
  }

  /** The value now if settled (throwing a failed key's error), else a Promise of it. */
  get(): PromiseOrValue<V> {
    return this.pendingSlot() === null ? this.result() : toPromise(this);
  }

  /** Steps a `yield*`: yields while a key is pending, then returns the value. */
  next(): IteratorResult<unknown, V> {
    const slot = this.pendingSlot();
    if (slot !== null) return { done: false, value: slot };
    return { done: true, value: this.result() };
  }

  // An error thrown into a job's `yield*` must reach the job; without `throw` the delegation
  // would fail with an unrelated TypeError. (No `return` method: `gen.return()` needs none, and
  // its optional parameter would make TypeScript type every `yield*` as `V | undefined`.)
  throw(error: unknown): IteratorResult<unknown, V> {
    throw error;
  }

  [Symbol.iterator](): this {
    return this;
  }

  // biome-ignore lint/suspicious/noThenProperty: a Load is a thenable on purpose (await, graphql-js).
  then<R1 = V, R2 = never>(
    onFulfilled?: ((value: V) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return toPromise(this).then(onFulfilled, onRejected);
  }
}

/** The results of `next()` on a settled and on a pending slot, refilled on each call. */
const SETTLED: { readonly done: true; value: unknown } = { done: true, value: undefined };
const WAITING: { readonly done: false; value: unknown } = { done: false, value: undefined };

/**
 * The cache entry of one key of one Source: the Load that `source.load(key)` returns. Kept
 * small (five fields), since a request can hold tens of thousands of them.
 */
export class Slot<V> extends Load<V> {
  state: State = PENDING;
  /** The value, or the error when REJECTED. */
  outcome: unknown = undefined;
  /**
   * Waiters parked on this key: null until the first one (cached keys stay small), that one
   * waiter alone (the common case: no array per pending key), an array from the second on.
   */
  waiters: Waiter | Waiter[] | null = null;
  /** The batch that will deliver this key, while it is pending (the scheduler's business). */
  owner: SlotOwner | null = null;
  readonly cacheKey: unknown;

  constructor(cacheKey: unknown) {
    super();
    this.cacheKey = cacheKey;
  }

  pendingSlot(): Slot<unknown> | null {
    return this.state === PENDING ? (this as Slot<unknown>) : null;
  }

  // The hot path of `yield* source.load(key)`: one state check, no virtual calls, and no
  // allocation. The delegating generator reads `done` and `value` of the result at once and
  // never keeps it, so one result object serves every slot (it holds the last value read until
  // the next read).
  override next(): IteratorResult<Slot<unknown>, V> {
    if (this.state === PENDING) {
      // `yield*` hands this very object to the stepper (scheduler), which reads it at once too.
      WAITING.value = this as Slot<unknown>;
      return WAITING as IteratorYieldResult<Slot<unknown>>;
    }
    if (this.state === REJECTED) throw this.outcome;
    SETTLED.value = this.outcome;
    return SETTLED as IteratorReturnResult<V>;
  }

  result(): V {
    if (this.state === REJECTED) throw this.outcome;
    return this.outcome as V;
  }

  // Own method rather than Load's: `yield*` looks it up on every load, one prototype nearer.
  override [Symbol.iterator](): this {
    return this;
  }

  park(waiter: Waiter): void {
    const waiters = this.waiters;
    if (waiters === null) this.waiters = waiter;
    else if (Array.isArray(waiters)) waiters.push(waiter);
    else this.waiters = [waiters, waiter];
    this.owner?.parked(this as Slot<unknown>, waiter);
  }

  fulfill(value: V): void {
    this.state = FULFILLED;
    this.outcome = value;
    this.owner = null;
  }

  reject(error: unknown): void {
    this.state = REJECTED;
    this.outcome = error;
    this.owner = null;
  }

  /** Hands the parked waiters over (the scheduler decides when each one runs). */
  takeWaiters(): Waiter | Waiter[] | null {
    const waiters = this.waiters;
    this.waiters = null;
    return waiters;
  }
}

/** `loadAll` and `all`: settled when every part is; reads the parts in order. */
export class LoadList<V> extends Load<V[]> {
  protected readonly parts: readonly Load<unknown>[];
  /** Parts before this index have settled; settling is monotonic, so polling is O(n) overall. */
  private cursor = 0;

  constructor(parts: readonly Load<unknown>[]) {
    super();
    this.parts = parts;
  }

  pendingSlot(): Slot<unknown> | null {
    const parts = this.parts;
    while (this.cursor < parts.length) {
      const slot = (parts[this.cursor] as Load<unknown>).pendingSlot();
      if (slot !== null) return slot;
      this.cursor++;
    }
    return null;
  }

  result(): V[] {
    const parts = this.parts;
    const values: V[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) values[i] = (parts[i] as Load<V>).result();
    return values;
  }
}

/** Who a `loadMany` belongs to: for the messages of its entries and the abort check. */
interface SettledOwner {
  readonly constructor: { readonly name: string };
  readonly dataloader: { readonly signal: AbortSignal | undefined };
}

/**
 * `loadMany`: settled when every key is; one entry per key, the value or that key's Error. A
 * key that failed with something that is not an Error gets an Error naming the key, with the
 * original as its `cause`. An abort is not a key's failure: it fails the whole load.
 */
export class LoadSettled<V> extends LoadList<V | Error> {
  private readonly keys: readonly unknown[];
  private readonly owner: SettledOwner;

  constructor(parts: readonly Load<V>[], keys: readonly unknown[], owner: SettledOwner) {
    super(parts);
    this.keys = keys;
    this.owner = owner;
  }

  override result(): (V | Error)[] {
    const parts = this.parts as readonly Slot<V>[];
    const values: (V | Error)[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) {
      const slot = parts[i] as Slot<V>;
      if (slot.state !== REJECTED) {
        values[i] = slot.outcome as V;
        continue;
      }
      const signal = this.owner.dataloader.signal;
      if (signal?.aborted && slot.outcome === signal.reason) throw signal.reason;
      values[i] = slot.outcome instanceof Error ? slot.outcome : this.wrap(i, slot.outcome);
    }
    return values;
  }

  private wrap(i: number, reason: unknown): Error {
    return new Error(
      `${this.owner.constructor.name}.load(${inspect(this.keys[i])}) failed with ` +
        `${inspect(reason)}, which is not an Error.`,
      { cause: reason },
    );
  }
}

/** A Load that is already settled with a value (e.g. `loadAll([])`). */
export class LoadValue<V> extends Load<V> {
  private readonly value: V;
  constructor(value: V) {
    super();
    this.value = value;
  }
  pendingSlot(): null {
    return null;
  }
  result(): V {
    return this.value;
  }
}

/** Waits for several loads (of any sources) at once; the result is a typed tuple. */
export function all<const T extends readonly Load<unknown>[]>(
  loads: T,
): Load<{ -readonly [I in keyof T]: T[I] extends Load<infer V> ? V : never }> {
  return new LoadList(loads) as unknown as Load<{
    -readonly [I in keyof T]: T[I] extends Load<infer V> ? V : never;
  }>;
}

// Private: the Promise of a Load, for `await` and `then`. It re-polls on every wake because a
// list waits on its parts one at a time.
class PromiseWaiter<V, R, A, B, C> implements Waiter {
  readonly kind = WAIT_PROMISE;
  urgent = false;
  constructor(
    private readonly load: Load<V>,
    private readonly map: (value: V, a: A, b: B, c: C) => R,
    private readonly a: A,
    private readonly b: B,
    private readonly c: C,
    private readonly resolve: (value: R) => void,
    private readonly reject: (error: unknown) => void,
  ) {}
  wake(): void {
    const slot = this.load.pendingSlot();
    if (slot !== null) {
      slot.park(this);
      return;
    }
    try {
      this.resolve(this.map(this.load.result(), this.a, this.b, this.c));
    } catch (error) {
      this.reject(error);
    }
  }
}

const same = <V>(value: V): V => value;

function toPromise<V>(load: Load<V>): Promise<V> {
  return mapLoad(load, same, undefined, undefined, undefined);
}

/**
 * One Promise of `map(value, a, b, c)` once `load` settles (rejected with its error, or with
 * what `map` throws): the pending path of the resolve helpers, with no second Promise and no
 * closure per call.
 */
export function mapLoad<V, R, A, B, C>(
  load: Load<V>,
  map: (value: V, a: A, b: B, c: C) => R,
  a: A,
  b: B,
  c: C,
): Promise<R> {
  return new Promise<R>((resolve, reject) =>
    new PromiseWaiter(load, map, a, b, c, resolve, reject).wake(),
  );
}
