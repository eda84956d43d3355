// graphql-codegen-batch/envelop: an Envelop plugin (graphql-yoga, GraphQL Hive gateway, any
// envelop) that gives each execution a fresh Dataloader on its context.
import type { Plugin } from '@envelop/core';
import { clearCacheBetweenMutationFields } from './mutations.js';
import {
  createRequestDataloader,
  getValidSettings,
  type RequestDataloaderOptions,
  withStats,
} from './request-dataloader.js';

export type { BatchStats, SourceStats } from './stats.js';

/**
 * `field`, `mode`, `options` (static, or a function of the execution's context), `stats` and
 * `clearCacheBetweenMutationFields`; ./apollo's `dataloaderPlugin` takes the same.
 */
export type UseDataloaderOptions<TContext = Record<string, unknown>> =
  RequestDataloaderOptions<TContext>;

/**
 * The Envelop / graphql-yoga plugin: each execution, and each event of a subscription, gets a
 * new `Dataloader` (or `AsyncDataloader`) at `context.dataloader`, aborted with the request (the
 * HTTP request's signal in Yoga, and graphql 17's `abortSignal` where the executor is given one).
 *
 * ```ts
 * const yoga = createYoga({ schema, plugins: [useDataloader({ stats: true })] });
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: envelop's own constraint; an interface (no index signature) meets it.
export function useDataloader<TContext extends Record<string, any> = Record<string, unknown>>(
  options: UseDataloaderOptions<TContext> = {},
): Plugin<TContext> {
  const settings = getValidSettings('useDataloader', options);
  const { field, statsKey } = settings;

  // The execution's context object itself: envelop extends it in place, so the Sources'
  // `this.context` is the object the resolvers receive, `dataloader` included.
  const create = (context: TContext, args: object) =>
    createRequestDataloader(settings, context, settings.optionsFor(context), [
      signalOf((context as { request?: unknown }).request),
      signalOf(args, 'abortSignal'), // graphql 17
      signalOf(args, 'signal'), // graphql-tools' executor, Yoga's useExecutionCancellation
    ]);

  return {
    onExecute({ args, context, extendContext }) {
      if (settings.clearMutations && args.schema)
        clearCacheBetweenMutationFields(args.schema, field);
      const { dataloader, stats } = create(context, args);
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

    // A subscription executes its selection once per event, all with one context object. Each
    // event gets a Dataloader of its own, put at `context[field]` when the event is asked for
    // (graphql-js and graphql-tools execute an event only when the stream is read), so values
    // cached for one event are never served to the next: the data may have changed in between.
    // The subscribe resolver (setting the stream up) gets one too.
    onSubscribe({ args, context, extendContext }) {
      let current = create(context, args);
      extendContext({ [field]: current.dataloader } as Partial<TContext>);
      const target = context as Record<string, unknown>;
      const fresh = () => {
        current = create(context, args);
        target[field] = current.dataloader;
      };
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return undefined;
          setResult(freshPerEvent(result, fresh));
          if (statsKey === null) return undefined;
          return {
            onNext({ result: event, setResult: setEvent }) {
              const { dataloader, stats } = current;
              if (stats !== null) setEvent(withStats(event, statsKey, stats, dataloader));
            },
          };
        },
      };
    },
  };
}

/** `events`, calling `fresh` before each event is asked for. */
function freshPerEvent<T>(events: AsyncIterable<T>, fresh: () => void): AsyncIterableIterator<T> {
  const iterator = events[Symbol.asyncIterator]();
  return {
    next() {
      fresh();
      return iterator.next();
    },
    return(value?: unknown) {
      return iterator.return
        ? iterator.return(value)
        : Promise.resolve({ done: true, value: value as T });
    },
    throw(error?: unknown) {
      return iterator.throw ? iterator.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

// Private helpers.

function signalOf(holder: unknown, key = 'signal'): AbortSignal | undefined {
  if (typeof holder !== 'object' || holder === null) return undefined;
  const value = (holder as Record<string, unknown>)[key];
  return value instanceof AbortSignal ? value : undefined;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function'
  );
}
