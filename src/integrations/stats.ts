// Batch statistics of one request, shaped for a response's `extensions`.
import type { Dataloader, DataloaderHooks } from 'graphql-codegen-batch/runtime';
import { sourceName } from './hooks.js';

export interface SourceStats {
  /** `fetch` calls. */
  batches: number;
  /** Keys over those calls. */
  keys: number;
  /** Batches that failed (fetch threw, wrong shape, deadlock, abort). */
  errors: number;
}

export interface BatchStats {
  batches: number;
  keys: number;
  /**
   * Times batches started while none of this Dataloader's batches was running or waiting
   * (`Dataloader.stats.rounds`): the depth of the data in sequential mode; in async mode it
   * depends on when fetches settle and loads arrive, so identical requests may differ.
   */
  rounds: number;
  /** Loads answered from the cache without waiting. */
  cacheHits: number;
  /** Per Source class name (batch parameters are not told apart). */
  sources: Record<string, SourceStats>;
}

export interface StatsCollector {
  /** Pass these to the Dataloader (compose them with others with `composeHooks`). */
  readonly hooks: DataloaderHooks;
  /** The Dataloader's counters with the per-source counts, as a plain JSON-ready object. */
  read(dataloader: Dataloader): BatchStats;
}

/** Counts batches per source for one Dataloader; create one per request. */
export function collectStats(): StatsCollector {
  const sources: Record<string, SourceStats> = {};
  return {
    hooks: {
      onBatch(event) {
        const name = sourceName(event.source);
        let entry = sources[name];
        if (entry === undefined) entry = sources[name] = { batches: 0, keys: 0, errors: 0 };
        entry.batches++;
        entry.keys += event.keys.length;
        if (event.error !== undefined) entry.errors++;
      },
    },
    read(dataloader) {
      const { batches, keys, rounds, cacheHits } = dataloader.stats;
      const copy: Record<string, SourceStats> = {};
      for (const name of Object.keys(sources).sort())
        copy[name] = { ...(sources[name] as SourceStats) };
      return { batches, keys, rounds, cacheHits, sources: copy };
    },
  };
}
