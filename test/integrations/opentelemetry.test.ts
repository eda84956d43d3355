// traceBatches: one OpenTelemetry span per batch, checked with the SDK's in-memory exporter.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type Context,
  type ContextManager,
  context,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { BatchAttributes, traceBatches } from 'graphql-codegen-batch/opentelemetry';
import { Source } from 'graphql-codegen-batch/runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deferred, modes, turns } from '../runtime/support.js';

// The SDK's own AsyncLocalStorage context manager lives in a package this repository does not
// install; this one does the same in a few lines, so `context.with` really propagates.
class AlsContextManager implements ContextManager {
  private readonly als = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.als.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.als.run(ctx, () => fn.apply(thisArg, args));
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.als.disable();
    return this;
  }
}

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('test');

beforeAll(() => {
  context.setGlobalContextManager(new AlsContextManager());
  trace.setGlobalTracerProvider(provider);
});
afterAll(() => {
  context.disable();
  trace.disable();
});
beforeEach(() => exporter.reset());

function summary(span: ReadableSpan) {
  return {
    name: span.name,
    attributes: span.attributes,
    status: span.status.code,
    parent: spanName(span.parentSpanContext?.spanId),
  };
}
function spanName(spanId: string | undefined): string | undefined {
  if (spanId === undefined) return undefined;
  return exporter.getFinishedSpans().find((s) => s.spanContext().spanId === spanId)?.name;
}

describe.each(modes)('$name: traceBatches', (mode) => {
  it('one span per batch (not per key) under the request span; the fetch’s own spans nest inside', async () => {
    class Users extends Source<number, string> {
      async fetch(ids: number[]) {
        // I/O traced by a driver: a child of the batch span, because fetch runs inside it.
        tracer.startSpan('SELECT users').end();
        return ids.map((id) => `user${id}`);
      }
    }
    class Comments extends Source<number, string[], { first: number }> {
      *fetch(postIds: number[]) {
        const authors = yield* this.dataloader.with(Users).loadAll(postIds);
        return authors.map((a) => [`${a} says hi`].slice(0, this.params.first));
      }
    }
    class Broken extends Source<number, string> {
      async fetch(): Promise<string[]> {
        throw new Error('connection reset');
      }
    }
    const request = tracer.startSpan('POST /graphql');
    const dl = context.with(trace.setSpan(context.active(), request), () =>
      mode.create({ hooks: traceBatches() }),
    );
    const results = await Promise.allSettled([
      dl.with(Users).loadAll([1, 2, 3]),
      dl.with(Comments, { first: 1 }).loadAll([7, 8]),
      dl.with(Broken).load(1),
    ]);
    request.end();
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const spans = exporter.getFinishedSpans().map(summary);
    const byName = (name: string) => spans.filter((s) => s.name === name);
    // Comments' generator fetch loads Users 7 and 8 before the Users batch leaves, so they join
    // it (DESIGN section 5): one Users batch of five keys, one span.
    expect(byName('Users.fetch')).toEqual([
      {
        name: 'Users.fetch',
        attributes: {
          [BatchAttributes.SOURCE]: 'Users',
          [BatchAttributes.KEY_COUNT]: 5,
          [BatchAttributes.OUTCOME]: 'ok',
        },
        status: SpanStatusCode.UNSET,
        parent: 'POST /graphql',
      },
    ]);
    expect(byName('Comments.fetch')).toEqual([
      {
        name: 'Comments.fetch',
        attributes: {
          [BatchAttributes.SOURCE]: 'Comments',
          [BatchAttributes.KEY_COUNT]: 2,
          [BatchAttributes.PARAMS]: '{"first":1}',
          [BatchAttributes.OUTCOME]: 'ok',
        },
        status: SpanStatusCode.UNSET,
        parent: 'POST /graphql',
      },
    ]);
    expect(byName('Broken.fetch')).toEqual([
      {
        name: 'Broken.fetch',
        attributes: {
          [BatchAttributes.SOURCE]: 'Broken',
          [BatchAttributes.KEY_COUNT]: 1,
          [BatchAttributes.OUTCOME]: 'error',
        },
        status: SpanStatusCode.ERROR,
        parent: 'POST /graphql',
      },
    ]);
    const broken = exporter.getFinishedSpans().find((s) => s.name === 'Broken.fetch');
    expect(broken?.status.message).toBe('Error: connection reset');
    expect(broken?.events.map((e) => e.name)).toEqual(['exception']);
    expect(byName('SELECT users').map((s) => s.parent)).toEqual(['Users.fetch']);
    expect(spans.map((s) => s.name).sort()).toEqual([
      'Broken.fetch',
      'Comments.fetch',
      'POST /graphql',
      'SELECT users',
      'Users.fetch',
    ]);
  });

  it('an aborted batch ends its span with outcome "aborted" once its fetch has stopped', async () => {
    const gate = deferred<void>();
    class Slow extends Source<number, string> {
      async fetch(ids: number[]) {
        await gate.promise;
        return ids.map(String);
      }
    }
    const controller = new AbortController();
    const dl = mode.create({ hooks: traceBatches({ tracer }), signal: controller.signal });
    const load = dl.with(Slow).load(1);
    load.then(undefined, () => undefined);
    await turns();
    controller.abort(new Error('client went away'));
    await expect(load).rejects.toThrow('client went away');
    expect(exporter.getFinishedSpans()).toEqual([]);
    gate.resolve();
    await turns();
    expect(exporter.getFinishedSpans().map(summary)).toEqual([
      {
        name: 'Slow.fetch',
        attributes: {
          [BatchAttributes.SOURCE]: 'Slow',
          [BatchAttributes.KEY_COUNT]: 1,
          [BatchAttributes.OUTCOME]: 'aborted',
        },
        status: SpanStatusCode.ERROR,
        parent: undefined,
      },
    ]);
  });
});
