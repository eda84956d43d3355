// Scenarios 2 and 3: the bench query (fixtures/schema.ts) over the in-memory dataset, executed by graphql-js 16
// (scenario 2) or graphql-jit (scenario 3), with each contender's resolvers. Every contender's
// result is checked against the floor's before anything is timed.
import { type ExecutionResult, execute, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Backend } from '../fixtures/backend.js';
import { executableSchema, queryDocument, type ResolverMap } from '../fixtures/schema.js';
import type { Contender, PromiseOrValue } from '../lib/harness.js';
import { countPromises } from '../lib/promises.js';

/** One way of resolving the query: resolvers plus the per-request context they expect. */
export interface ResolverSetup {
  readonly name: string;
  readonly resolvers: ResolverMap;
  readonly context: () => object;
  /** Counted fetches; absent for the floor, which has none. */
  readonly backend?: Backend;
  /** Extra figures read from the context after one execution (e.g. the runtime's rounds). */
  readonly inspect?: (context: object) => Readonly<Record<string, number>>;
  /**
   * An engine of its own (Grafast) instead of graphql-js or graphql-jit over `resolvers`;
   * such a setup runs only where the executor is graphql-js's place (scenarios 2 and 4).
   */
  readonly engine?: Execute;
}

export type Executor = 'graphql-js' | 'graphql-jit';
export type Execute = (context: object) => PromiseOrValue<ExecutionResult>;

function executorFor(executor: Executor, schema: GraphQLSchema): Execute {
  if (executor === 'graphql-js') {
    return (contextValue) => execute({ schema, document: queryDocument, contextValue });
  }
  const compiled = compileQuery(schema, queryDocument);
  if (!isCompiledQuery(compiled)) {
    throw new Error(
      `graphql-jit could not compile the bench query: ${JSON.stringify(compiled.errors)}`,
    );
  }
  return (context) => compiled.query(undefined, context, {});
}

export async function resultOf(run: Execute, context: object): Promise<ExecutionResult> {
  const result = await run(context);
  if (result.errors?.length) {
    throw new Error(`Bench query failed: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  return result;
}

/**
 * A timed contender for one executor. `expected` is the floor's JSON result: a contender that
 * returns anything else is a bug in the bench (or in a loader), not a fast contender.
 */
export async function executeContender(
  setup: ResolverSetup,
  executor: Executor,
  expected?: string,
): Promise<Contender & { readonly json: string }> {
  const run = setup.engine ?? executorFor(executor, executableSchema(setup.resolvers));
  const json = JSON.stringify(await resultOf(run, setup.context()));
  if (expected !== undefined && json !== expected) {
    throw new Error(
      `Contender "${setup.name}" on ${executor} returned a different result than the floor`,
    );
  }
  return {
    name: setup.name,
    json,
    run: () => run(setup.context()),
    probe: async () => {
      const context = setup.context();
      setup.backend?.reset();
      const { value, promises } = await countPromises(() => run(context));
      if (value.errors?.length) throw new Error(`Probe of "${setup.name}" failed`);
      return {
        promises,
        ...(setup.backend ? { fetches: setup.backend.fetches, keys: setup.backend.keys } : {}),
        ...(setup.inspect ? setup.inspect(context) : {}),
      };
    },
  };
}
