// graphql-codegen-batch/apollo: an Apollo Server 5 plugin that gives each operation a fresh
// Dataloader on its context. It imports nothing of @apollo/server at run time (types only).
import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContext,
  GraphQLRequestListener,
} from '@apollo/server';
import type { Dataloader } from 'graphql-codegen-batch/runtime';
import { isNodeHttpPair, responseCloseSignal } from './http-abort.js';
import { clearCacheBetweenMutationFields } from './mutations.js';
import {
  createRequestDataloader,
  getValidSettings,
  type RequestDataloaderOptions,
  withStats,
} from './request-dataloader.js';

export type { BatchStats, SourceStats } from './stats.js';

/** `useDataloader`'s options (./envelop), under the same names. */
export type DataloaderPluginOptions<
  TContext = BaseContext,
  F extends string = 'dataloader',
> = RequestDataloaderOptions<TContext, F>;

/** The context the plugin completes: yours, with the Dataloader at `field`. */
/**
 * Your context with the Dataloader the plugin puts at `field` (a `Dataloader`, or in mode
 * `'async'` its subclass `AsyncDataloader`).
 */
export type WithDataloader<C, F extends string = 'dataloader'> = C & { [K in F]: Dataloader };

export interface DataloaderPlugin<
  TContext extends BaseContext = BaseContext,
  F extends string = 'dataloader',
> extends ApolloServerPlugin<TContext> {
  /**
   * Wraps your context function (the `context` option of `startStandaloneServer`,
   * `expressMiddleware`, …), so that its type includes the Dataloader the plugin puts on each
   * operation's context, with no cast. Given Node's `{ req, res }` (standalone, Express), it also
   * aborts the Dataloader when the client goes away before the response is sent.
   */
  context<A extends unknown[], C extends object>(
    fn: (...args: A) => C | Promise<C>,
  ): (...args: A) => Promise<WithDataloader<C, F>>;
  /** For servers with no context of their own: the context is `{ dataloader }`. */
  context(): (...args: unknown[]) => Promise<WithDataloader<BaseContext, F>>;
}

/**
 * The Apollo Server 5 plugin: each operation gets a new `Dataloader` (or `AsyncDataloader`) at
 * `context.dataloader`, created with that operation's context, cleared between root mutation
 * fields, aborted with the request, its statistics optionally in `extensions`.
 *
 * ```ts
 * const batching = dataloaderPlugin({ stats: true });
 * const server = new ApolloServer<Context>({ typeDefs, resolvers, plugins: [batching] });
 * await startStandaloneServer(server, { context: batching.context(async () => ({ db })) });
 * ```
 */
export function dataloaderPlugin<
  TContext extends BaseContext = BaseContext,
  const F extends string = 'dataloader',
>(options: DataloaderPluginOptions<TContext, F> = {}): DataloaderPlugin<TContext, F> {
  const settings = getValidSettings(API, options);
  const { field, statsKey } = settings;
  let started = false;

  const plugin: ApolloServerPlugin<TContext> = {
    async serverWillStart() {
      started = true;
      if (!settings.clearMutations) return;
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          clearCacheBetweenMutationFields(apiSchema, field);
        },
      };
    },

    async requestDidStart(
      requestContext: GraphQLRequestContext<TContext>,
    ): Promise<GraphQLRequestListener<TContext> | undefined> {
      // Apollo gives each operation its own shallow copy of the context function's result.
      const context = requestContext.contextValue;
      const holder = context as Record<PropertyKey, unknown>;
      const requestSignal = holder[REQUEST_SIGNAL];
      const { dataloader, stats } = createRequestDataloader(
        settings,
        context,
        settings.optionsFor(context),
        [requestSignal instanceof AbortSignal ? requestSignal : undefined],
      );
      holder[field] = dataloader;
      if (stats === null || statsKey === null) return undefined;
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ response }) {
          if (!executed || response.body.kind !== 'single') return;
          response.body.singleResult = withStats(
            response.body.singleResult,
            statsKey,
            stats,
            dataloader,
          );
        },
      };
    },
  };

  function context(
    fn?: (...args: unknown[]) => object | Promise<object>,
  ): (...args: unknown[]) => Promise<object> {
    if (fn !== undefined && typeof fn !== 'function') {
      throw new TypeError(
        `${API}().context(fn) takes your context function, but got: ${kindOf(fn)}.`,
      );
    }
    return async (...args) => {
      if (!started) throw new Error(notInstalled(field));
      const own = fn === undefined ? {} : await fn(...args);
      if (typeof own !== 'object' || own === null) {
        throw new TypeError(
          `The context function given to ${API}().context() must return an object, but returned: ${kindOf(own)}.`,
        );
      }
      // A copy, as Apollo makes per operation: the function may return one shared object.
      const value = Object.assign(
        Object.create(Object.getPrototypeOf(own) as object | null) as Record<PropertyKey, unknown>,
        own,
      );
      const first = args[0];
      if (isNodeHttpPair(first)) value[REQUEST_SIGNAL] = responseCloseSignal(first.req, first.res);
      return value;
    };
  }

  return Object.assign(plugin, { context }) as unknown as DataloaderPlugin<TContext, F>;
}

// Private helpers.

const API = 'dataloaderPlugin';

/**
 * Where the context function leaves the request's abort signal for `requestDidStart`. An
 * enumerable symbol: Apollo's per-operation copy (Object.assign) keeps it; JSON and `Object.keys`
 * do not show it.
 */
const REQUEST_SIGNAL: unique symbol = Symbol('graphql-codegen-batch/apollo request signal');

function notInstalled(field: string): string {
  return `${API}().context(…) ran for a request, but that plugin is not in the server's plugins, so no Dataloader would be put at context.${field}. Add it: new ApolloServer({ …, plugins: [theSamePlugin] }).`;
}

function kindOf(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
