// graphql-codegen-batch/opentelemetry: one span per batch (not per key), on @opentelemetry/api
// (an optional peer dependency: only this entry imports it), named and attributed as the
// GraphQL OpenTelemetry working group's span conventions say (graphql/otel-wg spec/spans.yaml,
// `span.graphql.dataloader.batch.internal`).
import {
  type Attributes,
  type Context,
  context as contextApi,
  type Link,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { DataloaderHooks } from 'graphql-codegen-batch/runtime';
import { batchScope, sourceName } from './hooks.js';

/** The conventions' names (one place, so dashboards and tests agree). */
export const BatchAttributes = {
  /** Always `dataloader_batch` on a batch span. */
  PROCESSING_TYPE: 'graphql.processing.type',
  /** The Source class name, e.g. `Users`. */
  NAME: 'graphql.dataloader.name',
  /** The loads the batch answered: its keys (cache misses) plus the cache hits. */
  BATCH_SIZE: 'graphql.dataloader.batch.size',
  /** The batch's keys as strings (opt-in: `keys: true`). */
  BATCH_KEYS: 'graphql.dataloader.batch.keys',
  /** Loads of the Source the cache answered while the batch was taking keys. */
  CACHE_HIT_COUNT: 'graphql.dataloader.cache.hit_count',
  /** Keys the batch fetched. */
  CACHE_MISS_COUNT: 'graphql.dataloader.cache.miss_count',
  /** On each link to a field span: the field's coordinate, e.g. `Post.author`. */
  FIELD_COORDINATE: 'graphql.selection.field.coordinate',
} as const;

/** `graphql.processing.type` of a batch span, and of the field spans it links to. */
export const DATALOADER_BATCH = 'dataloader_batch';
const RESOLVE = 'resolve';

export interface TraceBatchesOptions {
  /** Default: `trace.getTracer('graphql-codegen-batch')` from the global provider. */
  tracer?: Tracer;
  /**
   * The parent of the batch spans. Default: the context active when `traceBatches()` is called,
   * which is the request's when it is called where the request's Dataloader is created.
   */
  parent?: Context;
  /**
   * Record `graphql.dataloader.batch.keys` (the conventions make it opt-in: keys can be
   * sensitive and high in cardinality). `true`: the first 100 keys; a number: at most that many.
   */
  keys?: boolean | number;
  /** Record the cache hit and miss counts (default true). */
  cacheCounts?: boolean;
  /** At most this many links to field spans per batch (default 100); batch.size stays true. */
  maxLinks?: number;
  /**
   * Which span active at a load is the span of the field that made it, and that field's
   * coordinate; undefined: not a field span (no link). Default: a span of the SDK (which exposes
   * its attributes) with `graphql.processing.type = resolve`, coordinate from
   * `graphql.selection.field.coordinate`.
   */
  fieldOf?: (span: Span) => string | undefined;
  /** Extra attributes per batch. Keep them low in cardinality. */
  attributes?: (batch: { source: string; params: unknown; keys: readonly unknown[] }) => Attributes;
}

/** What the loads of one batch told before it left. */
interface Collected {
  hits: number;
  links: Link[];
  /** Span ids already linked. */
  linked: Set<string>;
}

/**
 * Hooks that trace each batch as one span, `GraphQL DataLoader Batch <Source>`, from the first
 * call into its fetch until it settles (and its fetch's Promises have settled). The span links to
 * the field spans whose resolvers loaded its keys (read from the active span at each load). The
 * fetch runs with the span active, so the spans of its I/O (database, HTTP) become its children.
 * Create one per request: `new Dataloader({ hooks: traceBatches() })`.
 */
export function traceBatches(options: TraceBatchesOptions = {}): DataloaderHooks {
  const tracer = options.tracer ?? trace.getTracer('graphql-codegen-batch');
  const parent = options.parent ?? contextApi.active();
  const parentSpan = trace.getSpan(parent);
  const extra = options.attributes;
  const maxKeys = options.keys === true ? 100 : options.keys === false ? 0 : (options.keys ?? 0);
  const cacheCounts = options.cacheCounts ?? true;
  const maxLinks = options.maxLinks ?? 100;
  const fieldOf = options.fieldOf ?? standardFieldOf;
  const collected = new WeakMap<readonly unknown[], Collected>();

  const scope = batchScope<{ span: Span; context: Context }>({
    begin(source, keys) {
      const name = sourceName(source);
      const seen = collected.get(keys);
      const hits = seen?.hits ?? 0;
      const attributes: Attributes = {
        [BatchAttributes.PROCESSING_TYPE]: DATALOADER_BATCH,
        [BatchAttributes.NAME]: name,
        [BatchAttributes.BATCH_SIZE]: keys.length + hits,
      };
      if (cacheCounts) {
        attributes[BatchAttributes.CACHE_HIT_COUNT] = hits;
        attributes[BatchAttributes.CACHE_MISS_COUNT] = keys.length;
      }
      if (maxKeys > 0) attributes[BatchAttributes.BATCH_KEYS] = keys.slice(0, maxKeys).map(keyText);
      if (extra) Object.assign(attributes, extra({ source: name, params: source.params, keys }));
      const span = tracer.startSpan(
        `GraphQL DataLoader Batch ${name}`,
        { kind: SpanKind.INTERNAL, attributes, links: seen?.links ?? [] },
        parent,
      );
      collected.delete(keys);
      return { span, context: trace.setSpan(parent, span) };
    },
    around(state, fetch) {
      return contextApi.with(state.context, fetch);
    },
    end({ span }, event) {
      const error = event.error;
      if (error !== undefined) {
        if (error instanceof Error) span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: messageOf(error) });
      }
      span.end();
    },
  });

  scope.onLoad = (_source, _key, batch, cached) => {
    if (batch === null) return;
    let seen = collected.get(batch);
    if (seen === undefined) {
      seen = { hits: 0, links: [], linked: new Set() };
      collected.set(batch, seen);
    }
    if (cached) seen.hits++;
    if (seen.links.length >= maxLinks) return;
    const span = trace.getSpan(contextApi.active());
    if (span === undefined || span === parentSpan) return;
    const spanContext = span.spanContext();
    if (seen.linked.has(spanContext.spanId)) return;
    const coordinate = fieldOf(span);
    if (coordinate === undefined) return;
    seen.linked.add(spanContext.spanId);
    seen.links.push({
      context: spanContext,
      attributes: { [BatchAttributes.FIELD_COORDINATE]: coordinate },
    });
  };
  return scope;
}

/** A field span by the conventions, as the SDK's spans expose their attributes. */
function standardFieldOf(span: Span): string | undefined {
  const attributes = (span as { attributes?: Attributes }).attributes;
  if (attributes?.[BatchAttributes.PROCESSING_TYPE] !== RESOLVE) return undefined;
  const coordinate = attributes[BatchAttributes.FIELD_COORDINATE];
  return typeof coordinate === 'string' ? coordinate : undefined;
}

function keyText(key: unknown): string {
  if (typeof key === 'string') return key;
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
