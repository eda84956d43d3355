// traceBatches: one OpenTelemetry span per batch, named and attributed by the GraphQL OpenTelemetry
// working group's conventions, checked with the SDK's in-memory exporter.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type Context,
  type ContextManager,
  context,
  ROOT_CONTEXT,
  type Span,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  buildSchema,
  execute,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  parse,
} from 'graphql';
import { BatchAttributes, traceBatches } from 'graphql-codegen-batch/opentelemetry';
import { createPrefetch, type Dataloader, Source } from 'graphql-codegen-batch/runtime';
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

it('names the attributes as the conventions do', () => {
  expect(BatchAttributes).toEqual({
    PROCESSING_TYPE: 'graphql.processing.type',
    NAME: 'graphql.dataloader.name',
    BATCH_SIZE: 'graphql.dataloader.batch.size',
    BATCH_KEYS: 'graphql.dataloader.batch.keys',
    CACHE_HIT_COUNT: 'graphql.dataloader.cache.hit_count',
    CACHE_MISS_COUNT: 'graphql.dataloader.cache.miss_count',
    FIELD_COORDINATE: 'graphql.selection.field.coordinate',
  });
});

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
    expect(byName('GraphQL DataLoader Batch Users')).toEqual([
      {
        name: 'GraphQL DataLoader Batch Users',
        attributes: {
          'graphql.processing.type': 'dataloader_batch',
          'graphql.dataloader.name': 'Users',
          'graphql.dataloader.batch.size': 5,
          'graphql.dataloader.cache.hit_count': 0,
          'graphql.dataloader.cache.miss_count': 5,
        },
        status: SpanStatusCode.UNSET,
        parent: 'POST /graphql',
      },
    ]);
    expect(byName('GraphQL DataLoader Batch Comments')).toEqual([
      {
        name: 'GraphQL DataLoader Batch Comments',
        attributes: {
          'graphql.processing.type': 'dataloader_batch',
          'graphql.dataloader.name': 'Comments',
          'graphql.dataloader.batch.size': 2,
          'graphql.dataloader.cache.hit_count': 0,
          'graphql.dataloader.cache.miss_count': 2,
        },
        status: SpanStatusCode.UNSET,
        parent: 'POST /graphql',
      },
    ]);
    expect(byName('GraphQL DataLoader Batch Broken')).toEqual([
      {
        name: 'GraphQL DataLoader Batch Broken',
        attributes: {
          'graphql.processing.type': 'dataloader_batch',
          'graphql.dataloader.name': 'Broken',
          'graphql.dataloader.batch.size': 1,
          'graphql.dataloader.cache.hit_count': 0,
          'graphql.dataloader.cache.miss_count': 1,
        },
        status: SpanStatusCode.ERROR,
        parent: 'POST /graphql',
      },
    ]);
    const broken = exporter
      .getFinishedSpans()
      .find((s) => s.name === 'GraphQL DataLoader Batch Broken');
    expect(broken?.status.message).toBe('Error: connection reset');
    expect(broken?.events.map((e) => e.name)).toEqual(['exception']);
    expect(byName('SELECT users').map((s) => s.parent)).toEqual(['GraphQL DataLoader Batch Users']);
    expect(spans.map((s) => s.name).sort()).toEqual([
      'GraphQL DataLoader Batch Broken',
      'GraphQL DataLoader Batch Comments',
      'GraphQL DataLoader Batch Users',
      'POST /graphql',
      'SELECT users',
    ]);
  });

  it('an aborted batch ends its span with an error status once its fetch has stopped', async () => {
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
        name: 'GraphQL DataLoader Batch Slow',
        attributes: {
          'graphql.processing.type': 'dataloader_batch',
          'graphql.dataloader.name': 'Slow',
          'graphql.dataloader.batch.size': 1,
          'graphql.dataloader.cache.hit_count': 0,
          'graphql.dataloader.cache.miss_count': 1,
        },
        status: SpanStatusCode.ERROR,
        parent: undefined,
      },
    ]);
    expect(exporter.getFinishedSpans()[0]?.status.message).toBe('Error: client went away');
  });
});

// A field span as an instrumentation of the conventions makes it (`span.graphql.field.execution`):
// named by the coordinate, active while the resolver runs, ended when its value is there.
const fieldSpansStarted: Span[] = [];
function traced<P, A, C>(coordinate: string, resolve: GraphQLFieldResolver<P, C, A>) {
  const [parentType, fieldName] = coordinate.split('.') as [string, string];
  const attributes = {
    'graphql.processing.type': 'resolve',
    'graphql.selection.field.coordinate': coordinate,
    'graphql.selection.field.parent_type': parentType,
    'graphql.selection.field.name': fieldName,
  };
  const wrapped: GraphQLFieldResolver<P, C, A> = (parent, args, ctx, info) =>
    tracer.startActiveSpan(coordinate, { attributes }, (span) => {
      fieldSpansStarted.push(span);
      const value = resolve(parent, args, ctx, info);
      Promise.resolve(value).finally(() => span.end());
      return value;
    });
  return wrapped;
}

describe.each(modes)('$name: traceBatches under a GraphQL execution', (mode) => {
  const schema = buildSchema(`
    type User { id: ID! name: String! }
    type Post { id: ID! author: User! }
    type Query { posts: [Post!]! viewer: User! }
  `);
  const posts = [
    { id: 'p1', authorId: 1 },
    { id: 'p2', authorId: 2 },
    { id: 'p3', authorId: 1 },
  ];
  class Users extends Source<number, { id: number; name: string }> {
    async fetch(ids: number[]) {
      return ids.map((id) => ({ id, name: `user${id}` }));
    }
  }
  type Ctx = { dataloader: Dataloader };
  const rootValue = {
    posts: () => posts,
    viewer: (_args: unknown, ctx: Ctx) => ctx.dataloader.with(Users).load(2),
  };
  const author = (schema.getType('Post') as GraphQLObjectType).getFields().author;
  if (author === undefined) throw new Error('the schema has Post.author');
  author.resolve = traced<{ authorId: number }, unknown, Ctx>('Post.author', (post, _args, ctx) =>
    ctx.dataloader.with(Users).load(post.authorId),
  );

  it('links the batch span to each field span that loaded its keys; hits, misses and size', async () => {
    fieldSpansStarted.length = 0;
    const request = tracer.startSpan('POST /graphql');
    const requestContext = trace.setSpan(context.active(), request);
    // Where the request's Dataloader is created, with the request's span active:
    const dataloader = context.with(requestContext, () =>
      mode.create({ hooks: traceBatches({ keys: true }) }),
    );
    const result = await context.with(requestContext, () =>
      execute({
        schema,
        rootValue,
        document: parse('{ viewer { name } posts { id author { name } } }'),
        contextValue: { dataloader },
      }),
    );
    request.end();
    expect(result).toEqual({
      data: {
        viewer: { name: 'user2' },
        posts: [
          { id: 'p1', author: { name: 'user1' } },
          { id: 'p2', author: { name: 'user2' } },
          { id: 'p3', author: { name: 'user1' } },
        ],
      },
    });
    const spans = exporter.getFinishedSpans();
    const batch = spans.filter((s) => s.name.startsWith('GraphQL DataLoader Batch'));
    // One batch: viewer's key 2, then the three authors: 1 (new), 2 and 1 (already in it).
    expect(batch.map(summary)).toEqual([
      {
        name: 'GraphQL DataLoader Batch Users',
        attributes: {
          'graphql.processing.type': 'dataloader_batch',
          'graphql.dataloader.name': 'Users',
          'graphql.dataloader.batch.size': 4,
          'graphql.dataloader.batch.keys': ['2', '1'],
          'graphql.dataloader.cache.hit_count': 2,
          'graphql.dataloader.cache.miss_count': 2,
        },
        status: SpanStatusCode.UNSET,
        parent: 'POST /graphql',
      },
    ]);
    // Query.viewer has no field span (the request span is the batch's parent, not a link);
    // each of the three Post.author spans is linked, with its coordinate.
    expect(spans.filter((s) => s.name === 'Post.author')).toHaveLength(3);
    expect(batch[0]?.links).toEqual(
      fieldSpansStarted.map((s) => ({
        context: s.spanContext(),
        attributes: { 'graphql.selection.field.coordinate': 'Post.author' },
      })),
    );
  });

  it('caps the links at maxLinks, leaves the cache counts out with cacheCounts: false', async () => {
    const dataloader = mode.create({ hooks: traceBatches({ maxLinks: 2, cacheCounts: false }) });
    await execute({
      schema,
      rootValue,
      document: parse('{ posts { author { name } } }'),
      contextValue: { dataloader },
    });
    const [batch] = exporter.getFinishedSpans().filter((s) => s.name.includes('Batch'));
    expect(batch?.attributes).toEqual({
      'graphql.processing.type': 'dataloader_batch',
      'graphql.dataloader.name': 'Users',
      'graphql.dataloader.batch.size': 3,
    });
    expect(batch?.links.map((l) => l.attributes)).toEqual([
      { 'graphql.selection.field.coordinate': 'Post.author' },
      { 'graphql.selection.field.coordinate': 'Post.author' },
    ]);
  });

  it('with the lookahead prefetch, the link goes to the field that looked ahead', async () => {
    fieldSpansStarted.length = 0;
    const prefetch = createPrefetch(
      { Post: { author: { source: 'User', keyPath: ['authorId'], list: false, params: [] } } },
      { User: Users },
    );
    const prefetched = buildSchema(
      'type User { name: String! } type Post { author: User! } type Query { posts: [Post!]! }',
    );
    const fields = (type: string) => (prefetched.getType(type) as GraphQLObjectType).getFields();
    const { posts: postsField } = fields('Query');
    const { author: authorField } = fields('Post');
    if (postsField === undefined || authorField === undefined)
      throw new Error('the schema has both');
    postsField.resolve = traced<unknown, unknown, Ctx>('Query.posts', (_root, _args, ctx, info) =>
      prefetch(posts, info, ctx.dataloader),
    );
    authorField.resolve = traced<{ authorId: number }, unknown, Ctx>(
      'Post.author',
      (post, _args, ctx) => ctx.dataloader.with(Users).load(post.authorId),
    );
    const dataloader = mode.create({ hooks: traceBatches() });
    const result = await execute({
      schema: prefetched,
      document: parse('{ posts { author { name } } }'),
      contextValue: { dataloader },
    });
    expect(result.errors).toBeUndefined();
    const [batch] = exporter.getFinishedSpans().filter((s) => s.name.includes('Batch'));
    const [postsSpan] = fieldSpansStarted;
    expect(batch?.attributes['graphql.dataloader.batch.size']).toBe(3);
    expect(batch?.links).toEqual([
      {
        context: postsSpan?.spanContext(),
        attributes: { 'graphql.selection.field.coordinate': 'Query.posts' },
      },
    ]);
  });
});
