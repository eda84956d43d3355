// A `node:diagnostics_channel` tracing channel per batch, for APM tools that subscribe by name.
// Looked up through `process.getBuiltinModule`, not imported, so this module loads on any
// runtime; where the builtin is missing, or nobody subscribes, the Dataloader gets no hooks at
// all and pays nothing.
import type { DataloaderHooks } from 'graphql-codegen-batch/runtime';
import { type AnySource, batchScope, sourceName } from './hooks.js';

/**
 * The channel's name. Subscribers get `tracing:graphql-codegen-batch:fetch:start`, `:end`,
 * `:asyncStart`, `:asyncEnd` and `:error`, in the order of `TracingChannel#tracePromise`.
 */
export const BATCH_TRACING_CHANNEL = 'graphql-codegen-batch:fetch';

/** The message each event of one batch carries (the same object from start to asyncEnd). */
export interface BatchTraceMessage {
  readonly source: AnySource;
  /** The Source class name. */
  readonly sourceName: string;
  /** The batch parameters (`dataloader.with(Source, params)`), or undefined. */
  readonly params: unknown;
  readonly keys: readonly unknown[];
  /** Set before `error` and `asyncStart` are published when the batch failed or was aborted. */
  error?: unknown;
  /** From the first call into fetch to settlement, in milliseconds (set at settlement). */
  durationMs?: number;
}

interface Channel {
  readonly hasSubscribers: boolean;
  publish(message: unknown): void;
}
interface TracingChannel {
  readonly start: Channel;
  readonly end: Channel;
  readonly asyncStart: Channel;
  readonly asyncEnd: Channel;
  readonly error: Channel;
}
interface DiagnosticsChannelModule {
  tracingChannel?(name: string): TracingChannel;
}

let channel: TracingChannel | null | undefined;

function lookup(): TracingChannel | null {
  if (channel !== undefined) return channel;
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const module =
    typeof get === 'function'
      ? (get('node:diagnostics_channel') as DiagnosticsChannelModule | undefined)
      : undefined;
  channel = module?.tracingChannel?.(BATCH_TRACING_CHANNEL) ?? null;
  return channel;
}

function subscribed(tc: TracingChannel): boolean {
  return (
    tc.start.hasSubscribers ||
    tc.end.hasSubscribers ||
    tc.asyncStart.hasSubscribers ||
    tc.asyncEnd.hasSubscribers ||
    tc.error.hasSubscribers
  );
}

/**
 * Hooks that publish each batch on the `graphql-codegen-batch:fetch` tracing channel, or
 * `undefined` when the channel is unavailable or has no subscriber right now (decided once, when
 * the request's Dataloader is created). Pass the result to `composeHooks`.
 */
export function diagnosticsChannelHooks(): DataloaderHooks | undefined {
  const tc = lookup();
  if (tc === null || !subscribed(tc)) return undefined;
  return batchScope<{ message: BatchTraceMessage; startedAt: number; ended: boolean }>({
    begin(source, keys) {
      const message: BatchTraceMessage = {
        source,
        sourceName: sourceName(source),
        params: source.params,
        keys,
      };
      tc.start.publish(message);
      return { message, startedAt: performance.now(), ended: false };
    },
    around(state, fetch) {
      if (state.ended) return fetch();
      // `end` marks the end of the synchronous part of the first call, as tracePromise does.
      state.ended = true;
      try {
        return fetch();
      } finally {
        tc.end.publish(state.message);
      }
    },
    end(state, event) {
      const message = state.message;
      message.durationMs = performance.now() - state.startedAt;
      if (event.error !== undefined) {
        message.error = event.error;
        tc.error.publish(message);
      }
      tc.asyncStart.publish(message);
      tc.asyncEnd.publish(message);
    },
  });
}
