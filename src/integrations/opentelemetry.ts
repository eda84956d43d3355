// graphql-codegen-batch/opentelemetry: one span per batch (not per key), on @opentelemetry/api
// (an optional peer dependency: only this entry imports it).
import {
  type Attributes,
  type Context,
  context as contextApi,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { DataloaderHooks } from 'graphql-codegen-batch/runtime';
import { batchScope, outcomeOf, sourceName } from './hooks.js';

/** Span attribute names (one place, so dashboards and tests agree). */
export const BatchAttributes = {
  /** The Source class name, e.g. `Users`. */
  SOURCE: 'dataloader.source',
  /** The batch parameters as JSON (`dataloader.with(Source, params)`); absent without params. */
  PARAMS: 'dataloader.params',
  /** How many keys the batch fetched. */
  KEY_COUNT: 'dataloader.key_count',
  /** `ok`, `error` or `aborted` (the request's signal). */
  OUTCOME: 'dataloader.outcome',
} as const;

export interface TraceBatchesOptions {
  /** Default: `trace.getTracer('graphql-codegen-batch')` from the global provider. */
  tracer?: Tracer;
  /**
   * The parent of the batch spans. Default: the context active when `traceBatches()` is called,
   * which is the request's when it is called where the request's Dataloader is created.
   */
  parent?: Context;
  /** Extra attributes per batch, e.g. the first keys. Keep them low in cardinality. */
  attributes?: (batch: { source: string; params: unknown; keys: readonly unknown[] }) => Attributes;
}

/**
 * Hooks that trace each batch as one span, named `<Source>.fetch`, from the first call into its
 * fetch until it settles (and its fetch's Promises have settled). The fetch runs with the span
 * active, so the spans of its I/O (database, HTTP) become its children. Create one per request:
 * `new Dataloader({ hooks: traceBatches() })`.
 */
export function traceBatches(options: TraceBatchesOptions = {}): DataloaderHooks {
  const tracer = options.tracer ?? trace.getTracer('graphql-codegen-batch');
  const parent = options.parent ?? contextApi.active();
  const extra = options.attributes;
  return batchScope<{ span: Span; context: Context }>({
    begin(source, keys) {
      const name = sourceName(source);
      const attributes: Attributes = {
        [BatchAttributes.SOURCE]: name,
        [BatchAttributes.KEY_COUNT]: keys.length,
      };
      if (source.params !== undefined) attributes[BatchAttributes.PARAMS] = json(source.params);
      if (extra) Object.assign(attributes, extra({ source: name, params: source.params, keys }));
      const span = tracer.startSpan(
        `${name}.fetch`,
        { kind: SpanKind.INTERNAL, attributes },
        parent,
      );
      return { span, context: trace.setSpan(parent, span) };
    },
    around(state, fetch) {
      return contextApi.with(state.context, fetch);
    },
    end({ span }, event) {
      const outcome = outcomeOf(event);
      span.setAttribute(BatchAttributes.OUTCOME, outcome);
      if (outcome !== 'ok') {
        const error = event.error;
        if (error instanceof Error) span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: messageOf(error) });
      }
      span.end();
    },
  });
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
