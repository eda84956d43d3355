// What the server plugins (./envelop's useDataloader, ./apollo's dataloaderPlugin) share: reading
// their options, and creating one request's Dataloader with its hooks, signal and statistics.
import {
  AsyncDataloader,
  type AsyncDataloaderOptions,
  Dataloader,
  type DataloaderOptions,
} from 'graphql-codegen-batch/runtime';
import { diagnosticsChannelHooks } from './diagnostics.js';
import { composeHooks } from './hooks.js';
import { type BatchStats, collectStats, type StatsCollector } from './stats.js';

export type DataloaderMode = 'sequential' | 'async';

/** The options both server plugins take, under the same names. */
export interface RequestDataloaderOptions<TContext, F extends string = string> {
  /** The context field the Dataloader is put on. @default 'dataloader' */
  field?: F | undefined;
  /**
   * `'sequential'`: a `Dataloader` (one batch in flight at a time); `'async'`: an
   * `AsyncDataloader` (every pending batch at once, up to `maxConcurrency`).
   * @default 'sequential'
   */
  mode?: DataloaderMode | undefined;
  /**
   * Passed to the constructor, or a function of the request's context that returns them
   * (called once per operation, e.g. to create per-request hooks such as `traceBatches()`).
   * A `signal` given here is combined with the request's (the Dataloader aborts on either).
   * The Sources' `this.context` is the request's context unless a `context` is given here.
   */
  options?: AsyncDataloaderOptions | ((context: TContext) => AsyncDataloaderOptions) | undefined;
  /**
   * Adds the operation's batch statistics to the response, at `extensions[key]`
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

/** The options read once, when the plugin is created. */
export interface RequestDataloaderSettings<TContext> {
  readonly field: string;
  readonly mode: DataloaderMode;
  /** `null`: no statistics in the response. */
  readonly statsKey: string | null;
  readonly clearMutations: boolean;
  /** The Dataloader's options for one request's context (checked against the mode). */
  optionsFor(context: TContext): AsyncDataloaderOptions;
}

/** Reads and checks the options; `api` names the plugin in error messages. */
export function getValidSettings<TContext>(
  api: string,
  options: RequestDataloaderOptions<TContext>,
): RequestDataloaderSettings<TContext> {
  const mode = getValidMode(api, options.mode);
  const given = options.options;
  if (typeof given !== 'function' && given) checkOptions(api, given, mode);
  return {
    field: getValidField(api, options.field),
    mode,
    statsKey: options.stats === true ? 'dataloader' : options.stats || null,
    clearMutations: options.clearCacheBetweenMutationFields ?? true,
    optionsFor:
      typeof given === 'function'
        ? (context) => {
            const made = given(context);
            checkOptions(api, made, mode);
            return made;
          }
        : () => given ?? {},
  };
}

export interface RequestDataloader {
  readonly dataloader: Dataloader;
  /** `null` when the settings ask for no statistics. */
  readonly stats: StatsCollector | null;
}

/**
 * One request's Dataloader: created with the request's `context` (what its Sources read as
 * `this.context`, unless the options give one), the given options, the statistics and
 * diagnostics_channel hooks, and a signal that aborts on any of `signals` and the options' own.
 */
export function createRequestDataloader(
  settings: Pick<RequestDataloaderSettings<unknown>, 'mode' | 'statsKey'>,
  context: unknown,
  given: AsyncDataloaderOptions,
  signals: ReadonlyArray<AbortSignal | undefined>,
): RequestDataloader {
  const stats = settings.statsKey === null ? null : collectStats();
  const options: AsyncDataloaderOptions = {
    context,
    ...given,
    hooks: composeHooks(given.hooks, stats?.hooks, diagnosticsChannelHooks()),
  };
  const signal = combineSignals([given.signal, ...signals]);
  if (signal) options.signal = signal;
  else delete options.signal;
  const dataloader =
    settings.mode === 'async'
      ? new AsyncDataloader(options)
      : new Dataloader(options as DataloaderOptions);
  return { dataloader, stats };
}

/** `result` with the request's statistics added at `extensions[key]`. */
export function withStats<R extends { extensions?: Record<string, unknown> | undefined }>(
  result: R,
  key: string,
  stats: StatsCollector,
  dataloader: Dataloader,
): R {
  const value: BatchStats = stats.read(dataloader);
  return { ...result, extensions: { ...result.extensions, [key]: value } };
}

/** One signal that aborts when any of them does (`undefined` when none is given). */
export function combineSignals(
  signals: ReadonlyArray<AbortSignal | undefined>,
): AbortSignal | undefined {
  const distinct = [...new Set(signals.filter((s): s is AbortSignal => s !== undefined))];
  if (distinct.length <= 1) return distinct[0];
  return AbortSignal.any(distinct);
}

// Private helpers.

function getValidMode(api: string, mode: unknown): DataloaderMode {
  if (mode === undefined || mode === 'sequential' || mode === 'async') return mode ?? 'sequential';
  throw new TypeError(
    `${api} option mode must be 'sequential' or 'async', but got: ${JSON.stringify(mode)}.`,
  );
}

function getValidField(api: string, field: unknown): string {
  if (field === undefined) return 'dataloader';
  if (typeof field === 'string' && field !== '') return field;
  throw new TypeError(
    `${api} option field must be a non-empty string (the context field), but got: ${JSON.stringify(field)}.`,
  );
}

function checkOptions(api: string, given: AsyncDataloaderOptions, mode: DataloaderMode): void {
  if (mode === 'sequential' && given.maxConcurrency !== undefined) {
    throw new TypeError(
      `${api} option maxConcurrency applies to mode 'async' only, but mode is 'sequential' (maxConcurrency: ${given.maxConcurrency}).`,
    );
  }
}
