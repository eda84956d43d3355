// graphql-codegen-batch/envelop: an Envelop plugin (graphql-yoga, GraphQL Hive gateway, any
// envelop) that gives each execution a fresh Dataloader on its context.
import type { Plugin } from '@envelop/core';
import {
  AsyncDataloader,
  type AsyncDataloaderOptions,
  Dataloader,
  type DataloaderOptions,
} from 'graphql-codegen-batch/runtime';
import { diagnosticsChannelHooks } from './diagnostics.js';
import { composeHooks } from './hooks.js';
import { clearCacheBetweenMutationFields } from './mutations.js';
import { type BatchStats, collectStats, type StatsCollector } from './stats.js';

export type { BatchStats, SourceStats } from './stats.js';

export interface UseDataloaderOptions<TContext = Record<string, unknown>> {
  /** The context field the Dataloader is put on. @default 'dataloader' */
  field?: string | undefined;
  /**
   * `'sequential'`: a `Dataloader` (one batch in flight at a time); `'async'`: an
   * `AsyncDataloader` (every pending batch at once, up to `maxConcurrency`).
   * @default 'sequential'
   */
  mode?: 'sequential' | 'async' | undefined;
  /**
   * Passed to the constructor, or a function of the execution's context that returns them
   * (called once per execution, e.g. to create per-request hooks such as `traceBatches()`).
   * A `signal` given here is combined with the request's (the Dataloader aborts on either).
   * The Sources' `this.context` is the execution's context unless a `context` is given here.
   */
  options?: AsyncDataloaderOptions | ((context: TContext) => AsyncDataloaderOptions) | undefined;
  /**
   * Adds the execution's batch statistics to the response, at `extensions[key]`
   * (`true`: `extensions.dataloader`). @default false
   */
  stats?: boolean | string | undefined;
  /**
   * Clear the Dataloader's cache between root mutation fields, as GraphQL-Ruby does, so that
   * a mutation's result is not read from what was cached before it ran. Wraps the resolvers of
   * the schema's mutation fields (once per schema). @default true
   */
  clearCacheBetweenMutationFields?: boolean | undefined;
}

/**
 * The Envelop / graphql-yoga plugin: each execution gets a new `Dataloader` (or
 * `AsyncDataloader`) at `context.dataloader`, aborted with the request (the HTTP request's
 * signal in Yoga, and graphql 17's `abortSignal` where the executor is given one).
 *
 * ```ts
 * const yoga = createYoga({ schema, plugins: [useDataloader({ stats: true })] });
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: envelop's own constraint; an interface (no index signature) meets it.
export function useDataloader<TContext extends Record<string, any> = Record<string, unknown>>(
  options: UseDataloaderOptions<TContext> = {},
): Plugin<TContext> {
  const field = options.field ?? 'dataloader';
  const mode = getValidMode(options.mode);
  const statsKey = options.stats === true ? 'dataloader' : options.stats || null;
  const clearMutations = options.clearCacheBetweenMutationFields ?? true;
  const staticOptions = typeof options.options === 'function' ? null : options.options;
  if (staticOptions) checkOptions(staticOptions, mode);

  return {
    onExecute({ args, context, extendContext }) {
      if (clearMutations && args.schema) clearCacheBetweenMutationFields(args.schema, field);
      const given =
        typeof options.options === 'function' ? options.options(context) : (staticOptions ?? {});
      if (given !== staticOptions) checkOptions(given, mode);
      const stats = statsKey === null ? null : collectStats();
      const signal = combine([
        given.signal,
        signalOf((context as { request?: unknown }).request),
        signalOf(args, 'abortSignal'), // graphql 17
        signalOf(args, 'signal'), // graphql-tools' executor, Yoga's useExecutionCancellation
      ]);
      const dataloaderOptions: AsyncDataloaderOptions = {
        // The execution's context object itself: envelop extends it in place, so the Sources'
        // `this.context` is the object the resolvers receive, `dataloader` included.
        context,
        ...given,
        hooks: composeHooks(given.hooks, stats?.hooks, diagnosticsChannelHooks()),
      };
      if (signal) dataloaderOptions.signal = signal;
      else delete dataloaderOptions.signal;
      const dataloader =
        mode === 'async'
          ? new AsyncDataloader(dataloaderOptions)
          : new Dataloader(dataloaderOptions as DataloaderOptions);
      extendContext({ [field]: dataloader } as Partial<TContext>);
      if (stats === null || statsKey === null) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) {
            return {
              onNext({ result: part, setResult: setPart }) {
                setPart(withStats(part, statsKey, stats, dataloader));
              },
            };
          }
          setResult(withStats(result, statsKey, stats, dataloader));
          return undefined;
        },
      };
    },
  };
}

// Private helpers.

function getValidMode(mode: unknown): 'sequential' | 'async' {
  if (mode === undefined || mode === 'sequential' || mode === 'async') return mode ?? 'sequential';
  throw new TypeError(
    `useDataloader option mode must be 'sequential' or 'async', but got: ${JSON.stringify(mode)}.`,
  );
}

function checkOptions(given: AsyncDataloaderOptions, mode: 'sequential' | 'async'): void {
  if (mode === 'sequential' && given.maxConcurrency !== undefined) {
    throw new TypeError(
      `useDataloader option maxConcurrency applies to mode 'async' only, but mode is 'sequential' (maxConcurrency: ${given.maxConcurrency}).`,
    );
  }
}

function signalOf(holder: unknown, key = 'signal'): AbortSignal | undefined {
  if (typeof holder !== 'object' || holder === null) return undefined;
  const value = (holder as Record<string, unknown>)[key];
  return value instanceof AbortSignal ? value : undefined;
}

function combine(signals: ReadonlyArray<AbortSignal | undefined>): AbortSignal | undefined {
  const distinct = [...new Set(signals.filter((s): s is AbortSignal => s !== undefined))];
  if (distinct.length <= 1) return distinct[0];
  return AbortSignal.any(distinct);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function'
  );
}

function withStats<R extends { extensions?: Record<string, unknown> | undefined }>(
  result: R,
  key: string,
  stats: StatsCollector,
  dataloader: Dataloader,
): R {
  const value: BatchStats = stats.read(dataloader);
  return { ...result, extensions: { ...result.extensions, [key]: value } };
}
