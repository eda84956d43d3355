import type { AnySource } from './batch.js';
import type { Slot } from './load.js';

/**
 * Keys put back in their Source's cache until the scheduler's next tick (see
 * Scheduler#keepFailed): source, slot, source, slot, …
 */
export class ExpiringKeys {
  private entries: (AnySource | Slot<unknown>)[] = [];

  get size(): number {
    return this.entries.length;
  }

  /** Caches `slot` until `expire()`; false when the Source already has that key. */
  keep(source: AnySource, slot: Slot<unknown>): boolean {
    if (source._cache.get(slot.cacheKey) !== undefined) return false;
    source._cache.set(slot.cacheKey, slot);
    this.entries.push(source, slot);
    return true;
  }

  /** Drops the kept keys that are still the cached ones. */
  expire(): void {
    const entries = this.entries;
    this.entries = [];
    for (let i = 0; i < entries.length; i += 2) {
      const source = entries[i] as AnySource;
      const slot = entries[i + 1] as Slot<unknown>;
      if (source._cache.get(slot.cacheKey) === slot) source._cache.delete(slot.cacheKey);
    }
  }
}
