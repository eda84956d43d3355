// Building blocks over the runtime's two hooks (`wrapFetch`, `onBatch`): composition, and
// per-batch state (a span, a connection) that lives from the first call into a batch's fetch
// until the batch has settled and its fetch has stopped running.
import type { BatchEvent, DataloaderHooks, Source } from 'graphql-codegen-batch/runtime';

export type AnySource = Source<unknown, unknown, unknown>;

/**
 * Combines several hooks objects into one. `wrapFetch`es nest in argument order (the first is
 * outermost); every `onBatch` runs, in argument order, and one that throws does not stop the
 * others; so does every `onLoad`. `undefined` entries are skipped, so optional hooks can be passed as they are.
 */
export function composeHooks(...list: ReadonlyArray<DataloaderHooks | undefined>): DataloaderHooks {
  const wraps: NonNullable<DataloaderHooks['wrapFetch']>[] = [];
  const reports: NonNullable<DataloaderHooks['onBatch']>[] = [];
  const loads: NonNullable<DataloaderHooks['onLoad']>[] = [];
  for (const hooks of list) {
    if (hooks?.wrapFetch) wraps.push(hooks.wrapFetch);
    if (hooks?.onBatch) reports.push(hooks.onBatch);
    if (hooks?.onLoad) loads.push(hooks.onLoad);
  }
  const composed: DataloaderHooks = {};
  if (wraps.length === 1)
    composed.wrapFetch = wraps[0] as NonNullable<DataloaderHooks['wrapFetch']>;
  else if (wraps.length > 1) {
    composed.wrapFetch = (source, keys, fetch) => {
      let run = fetch;
      for (let i = wraps.length - 1; i >= 0; i--) {
        const wrap = wraps[i] as NonNullable<DataloaderHooks['wrapFetch']>;
        const inner = run;
        run = () => wrap(source, keys, inner);
      }
      return run();
    };
  }
  if (reports.length === 1)
    composed.onBatch = reports[0] as NonNullable<DataloaderHooks['onBatch']>;
  else if (reports.length > 1) {
    composed.onBatch = (event) => {
      for (const report of reports) {
        try {
          report(event);
        } catch {
          // Same rule as the runtime's: a reporting hook never fails the request or its peers.
        }
      }
    };
  }
  if (loads.length === 1) composed.onLoad = loads[0] as NonNullable<DataloaderHooks['onLoad']>;
  else if (loads.length > 1) {
    composed.onLoad = (source, key, batch, cached) => {
      for (const report of loads) {
        try {
          report(source, key, batch, cached);
        } catch {
          // As for onBatch.
        }
      }
    };
  }
  return composed;
}

/** Per-batch state for `batchScope`. */
export interface BatchScope<S> {
  /**
   * The first call into a batch's `fetch` is about to happen: create the batch's state (start a
   * span, acquire a connection). If it throws, the batch fails with that error and `end` is not
   * called.
   */
  begin(source: AnySource, keys: readonly unknown[]): S;
  /**
   * Runs each call into the batch's `fetch` (the call, then each step of a generator fetch):
   * e.g. `als.run(state.connection, fetch)`. Must call `fetch` once and return its result.
   */
  around?(state: S, fetch: () => unknown): unknown;
  /**
   * The batch has settled (`event.error` is set when it failed or was aborted) and every Promise
   * its fetch returned or yielded has settled too, so nothing of the fetch still runs: release
   * the connection, end the span. Called once per begun batch. Errors it throws are dropped.
   */
  end(state: S, event: BatchEvent): void;
}

interface Entry<S> {
  readonly state: S;
  /** Promises the fetch returned or yielded that have not settled yet. */
  outstanding: number;
  event: BatchEvent | null;
  ended: boolean;
}

/**
 * Hooks that keep state per batch. A batch is identified by its `keys` array: the runtime passes
 * the same array to every `wrapFetch` call of one batch and to its `onBatch` event.
 *
 * Why `end` waits for the fetch's own Promises: when the request is aborted, the runtime fails
 * the batch at once (its waiters must not hang), but the fetch may still be using its connection
 * until it notices `this.dataloader.signal`. Releasing the connection then would hand a busy
 * connection to someone else.
 */
export function batchScope<S>(scope: BatchScope<S>): DataloaderHooks {
  const open = new WeakMap<readonly unknown[], Entry<S>>();
  const finish = (keys: readonly unknown[], entry: Entry<S>) => {
    if (entry.ended || entry.event === null || entry.outstanding > 0) return;
    entry.ended = true;
    open.delete(keys);
    try {
      scope.end(entry.state, entry.event);
    } catch {
      // Like onBatch: cleanup and tracing never fail the request.
    }
  };
  const track = (keys: readonly unknown[], entry: Entry<S>, result: unknown) => {
    // A plain fetch returns a Promise; a generator step returns an IteratorResult whose value may
    // be a Promise (a `yield promise`, or a returned Promise of the values).
    const pending = isPromiseLike(result)
      ? result
      : isIteratorResult(result) && isPromiseLike(result.value)
        ? result.value
        : null;
    if (pending === null) return;
    entry.outstanding++;
    const settled = () => {
      entry.outstanding--;
      finish(keys, entry);
    };
    pending.then(settled, settled);
  };
  return {
    wrapFetch(source, keys, fetch) {
      let entry = open.get(keys);
      if (entry === undefined) {
        entry = { state: scope.begin(source, keys), outstanding: 0, event: null, ended: false };
        open.set(keys, entry);
      }
      const result = scope.around ? scope.around(entry.state, fetch) : fetch();
      track(keys, entry, result);
      return result;
    },
    onBatch(event) {
      const entry = open.get(event.keys);
      // No entry: the batch never reached its fetch (aborted while pending). Nothing was begun.
      if (entry === undefined) return;
      entry.event = event;
      finish(event.keys, entry);
    },
  };
}

/** The source's class name, as users wrote it (`class Users extends UserSource`). */
export function sourceName(source: AnySource): string {
  return source.constructor.name || 'Source';
}

/** How a batch ended: `ok`, `aborted` (the Dataloader's signal), or `error`. */
export function outcomeOf(event: BatchEvent): 'ok' | 'error' | 'aborted' {
  if (event.error === undefined) return 'ok';
  const signal = event.source.dataloader.signal;
  return signal?.aborted && signal.reason === event.error ? 'aborted' : 'error';
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function isIteratorResult(value: unknown): value is IteratorResult<unknown, unknown> {
  return typeof value === 'object' && value !== null && 'done' in value && 'value' in value;
}
