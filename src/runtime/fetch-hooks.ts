import type { Batch } from './batch.js';
import type { DataloaderHooks } from './dataloader.js';

/** The outcome of calling user code: its value, or what it threw. */
export type Call = { threw: false; value: unknown } | { threw: true; error: unknown };

const now: () => number =
  typeof performance === 'object' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now();

/** The user's `hooks` around each fetch; a no-op (and no clock read) when none are set. */
export class FetchHooks {
  private readonly hooks: DataloaderHooks | undefined;

  constructor(hooks: DataloaderHooks | undefined) {
    this.hooks = hooks;
  }

  /** Runs user code of a fetch inside `hooks.wrapFetch`, catching what it throws. */
  call(batch: Batch, fn: () => unknown): Call {
    const wrap = this.hooks?.wrapFetch;
    try {
      return { threw: false, value: wrap ? wrap(batch.source, batch.keys, fn) : fn() };
    } catch (error) {
      return { threw: true, error };
    }
  }

  started(batch: Batch): void {
    if (this.hooks?.onBatch) batch.startedAt = now();
  }

  settled(batch: Batch, error: unknown): void {
    const onBatch = this.hooks?.onBatch;
    if (!onBatch) return;
    try {
      onBatch({
        source: batch.source,
        keys: batch.keys,
        durationMs: batch.startedAt === 0 ? 0 : now() - batch.startedAt,
        error,
      });
    } catch {
      // A tracing hook must not fail the request whose batch it reports; its error is dropped.
    }
  }
}
