// The plain graphql-js recipe (README "Integrations"), and graphql 17's `abortSignal` reaching
// the request's Dataloader. Runs under graphql 16 here and under graphql 17 in .ci/node24.sh.
import { envelop, useEngine, useSchema } from '@envelop/core';
import * as graphql from 'graphql';
import { useDataloader } from 'graphql-codegen-batch/envelop';
import { Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { clearCacheBetweenMutationFields, jobResolver } from 'graphql-codegen-batch/server';
import { describe, expect, it } from 'vitest';
import { deferred, type Log, turns } from '../runtime/support.js';
import { blog, bounded, executableSchema } from './support.js';

const { execute, parse, validate, version } = graphql;
const major = Number(version.split('.')[0]);

// ---- The recipe -------------------------------------------------------------------------------
function createHandler(schema: graphql.GraphQLSchema) {
  clearCacheBetweenMutationFields(schema);
  return async (source: string, variableValues?: Record<string, unknown>, signal?: AbortSignal) => {
    const document = parse(source);
    const errors = validate(schema, document);
    if (errors.length > 0) return { errors };
    // One Dataloader per request; the same signal cancels graphql 17's execution and the loads.
    const dataloader = new Dataloader(signal ? { signal } : {});
    const args = { schema, document, variableValues, contextValue: { dataloader } };
    // (`abortSignal` is graphql 17's; graphql 16 ignores it, the Dataloader still aborts.)
    return execute((signal ? { ...args, abortSignal: signal } : args) as graphql.ExecutionArgs);
  };
}
// -----------------------------------------------------------------------------------------------

describe(`plain graphql-js ${version}`, () => {
  it('batches each level and clears the cache between root mutation fields', async () => {
    const api = blog();
    const handle = createHandler(executableSchema(api.resolvers()));
    const result = await handle(
      'query($ids: [ID!]!) { posts(ids: $ids) { title author { name } } }',
      {
        ids: ['10', '12'],
      },
    );
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      data: {
        posts: [
          { title: 'Fibers', author: { name: 'Ada' } },
          { title: 'Batches', author: { name: 'Ada' } },
        ],
      },
    });
    const renamed = await handle(`mutation {
      a: rename(id: "1", name: "A") { name }
      b: rename(id: "1", name: "B") { name }
    }`);
    expect(JSON.parse(JSON.stringify(renamed))).toEqual({
      data: { a: { name: 'A' }, b: { name: 'B' } },
    });
    expect(api.log).toEqual([
      ['Posts', ['10', '12']],
      ['Users', ['1']],
      ['Users', ['1']],
      ['Users', ['1']],
    ]);
  });

  it('an aborted request: the fetch in flight sees the Dataloader’s signal, no later fetch starts', async () => {
    const { handle, log, started, aborted } = slowApi((schema) => createHandler(schema));
    const controller = new AbortController();
    const result = handle('{ slow { id next } }', {}, controller.signal);
    await bounded(started.promise, 'the slow fetch to start');
    controller.abort(new Error('request cancelled'));
    expect(await bounded(aborted.promise, 'the fetch to see the abort')).toBe(true);
    expect(await outcome(result)).toEqual(abortedOutcome);
    await turns();
    expect(log).toEqual([['Slow', ['1']]]);
  });

  it('useDataloader under envelop: the executor’s abortSignal (graphql 17) reaches the Dataloader', async () => {
    const { handle, log, started, aborted } = slowApi((schema) => {
      const getEnveloped = envelop({
        plugins: [useEngine({ parse, validate, execute }), useSchema(schema), useDataloader()],
      });
      return async (source: string, _variables: unknown, signal?: AbortSignal) => {
        const { schema: s, execute: run, contextFactory } = getEnveloped({});
        const document = parse(source);
        const args = { schema: s, document, contextValue: await contextFactory() };
        return run({ ...args, abortSignal: signal } as typeof args);
      };
    });
    const controller = new AbortController();
    const result = handle('{ slow { id next } }', {}, controller.signal);
    await bounded(started.promise, 'the slow fetch to start');
    controller.abort(new Error('request cancelled'));
    // Only the executor's abortSignal was given: the Dataloader can have it from nowhere else.
    expect(await bounded(aborted.promise, 'the fetch to see the abort')).toBe(true);
    expect(await outcome(result)).toEqual(abortedOutcome);
    await turns();
    expect(log).toEqual([['Slow', ['1']]]);
  });
});

/**
 * What an aborted execution ends with: graphql 17 rejects the whole execution with an
 * AbortedGraphQLExecutionError; graphql 16 knows no abortSignal, so the aborted Dataloader
 * rejects the field's load and the field fails with the reason.
 */
const abortedOutcome =
  major >= 17
    ? { rejected: 'AbortedGraphQLExecutionError: request cancelled' }
    : { errors: ['request cancelled at slow'], data: null };

async function outcome(result: Promise<unknown>) {
  try {
    const { errors, data } = (await bounded(result, 'the execution to end')) as {
      errors?: readonly graphql.GraphQLError[];
      data?: unknown;
    };
    return { errors: errors?.map((e) => `${e.message} at ${e.path?.join('.')}`), data };
  } catch (error) {
    return { rejected: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** A schema whose first fetch waits for the abort; `next` would need a second fetch. */
function slowApi(
  makeHandler: (
    schema: graphql.GraphQLSchema,
  ) => (
    source: string,
    variables: Record<string, unknown>,
    signal?: AbortSignal,
  ) => Promise<unknown>,
) {
  const log: Log = [];
  const started = deferred<void>();
  const aborted = deferred<boolean>();
  interface Ctx {
    dataloader: Dataloader;
  }
  class Slow extends Source<string, { id: string }> {
    async fetch(ids: string[]): Promise<{ id: string }[]> {
      log.push(['Slow', ids]);
      const signal = this.dataloader.signal as AbortSignal;
      started.resolve();
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      aborted.resolve(signal.aborted);
      throw signal.reason;
    }
  }
  class Next extends Source<string, string> {
    async fetch(ids: string[]) {
      log.push(['Next', ids]);
      return ids;
    }
  }
  const schema = graphql.buildSchema(`
    type Item { id: ID! next: String! }
    type Query { slow: Item! }
  `);
  const query = schema.getQueryType() as graphql.GraphQLObjectType;
  (query.getFields().slow as graphql.GraphQLField<unknown, Ctx>).resolve = jobResolver(function* (
    _: unknown,
    _args: unknown,
    ctx: Ctx,
  ) {
    return yield* ctx.dataloader.with(Slow).load('1');
  });
  const item = schema.getType('Item') as graphql.GraphQLObjectType;
  (item.getFields().next as graphql.GraphQLField<{ id: string }, Ctx>).resolve = jobResolver(
    function* (parent: { id: string }, _args: unknown, ctx: Ctx) {
      return yield* ctx.dataloader.with(Next).load(parent.id);
    },
  );
  return { handle: makeHandler(schema), log, started, aborted };
}
