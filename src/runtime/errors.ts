import { inspect } from './util/inspect.js';

/**
 * A job or fetch waits on a key that can never arrive: a cycle of sources, each waiting on a key
 * that another in the cycle is loading. Every key of the cycle's batches is rejected with it.
 */
export class DeadlockError extends Error {
  override readonly name = 'DeadlockError';
  /** The cycle, as `Source.fetch([keys])` steps, first to last (the last waits on the first). */
  readonly cycle: readonly string[];
  constructor(cycle: readonly string[]) {
    super(
      `Deadlock: ${cycle.join(' waits on ')} waits on ${cycle[0]}. ` +
        'Each of these fetches waits on a key that another one of them is loading, so none can ' +
        'finish; load that data outside the cycle or restructure the sources.',
    );
    this.cycle = cycle;
  }
}

const NOT_FOUND: unique symbol = Symbol.for('graphql-codegen-batch NotFoundError');

/**
 * A non-null `@batch` field whose source returned nothing for its key; clients see its message
 * and `extensions.code = "NOT_FOUND"` (graphql-js copies `extensions` onto the GraphQLError).
 * A generated resolver throws it as a GraphQLError of the graphql that runs the query (see
 * graphql-error.ts), so servers that mask every other error (graphql-yoga) show it as it is;
 * `instanceof NotFoundError` holds for both forms.
 */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly extensions: { readonly code: 'NOT_FOUND' } = { code: 'NOT_FOUND' };
  readonly typeName: string;
  readonly fieldPath: string;
  readonly sourceName: string;
  readonly key: unknown;
  constructor(typeName: string, fieldPath: string, sourceName: string, key: unknown) {
    super(notFoundMessage(typeName, fieldPath, sourceName, key));
    this.typeName = typeName;
    this.fieldPath = fieldPath;
    this.sourceName = sourceName;
    this.key = key;
  }
}
markNotFound(NotFoundError.prototype);
// `instanceof NotFoundError` holds for both forms (and across copies of the runtime); a subclass
// keeps the ordinary check.
Object.defineProperty(NotFoundError, Symbol.hasInstance, {
  value: function hasInstance(this: unknown, value: unknown): boolean {
    if (this !== NotFoundError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && NOT_FOUND in value;
  },
});

/** Makes the instances of a class (the GraphQLError form) `instanceof NotFoundError`. */
export function markNotFound(prototype: object): void {
  Object.defineProperty(prototype, NOT_FOUND, { value: true });
}

export function notFoundMessage(
  typeName: string,
  fieldPath: string,
  sourceName: string,
  key: unknown,
): string {
  const via = sourceName === typeName ? '' : `, source ${sourceName}`;
  return `${typeName} not found for key ${formatKey(key)} (${fieldPath}${via})`;
}

function formatKey(key: unknown): string {
  return typeof key === 'string' || typeof key === 'number' || typeof key === 'bigint'
    ? JSON.stringify(String(key))
    : inspect(key);
}

/** `fetch` returned something other than one value or Error per key. */
export function fetchShapeError(
  source: string,
  keys: readonly unknown[],
  values: unknown,
): TypeError {
  const got = Array.isArray(values)
    ? `an array of ${values.length}: ${inspect(values)}`
    : inspect(values);
  return new TypeError(
    `${source}.fetch() must return an array with one value or Error per key, in key order: ` +
      `${keys.length} keys ${inspect(keys)}, but got ${got}.`,
  );
}

/**
 * What a resolver that runs on the request's Dataloader throws when `context[field]` is not
 * one: where it looked and how to put one there. `error` is what the resolver caught (a
 * generated resolver only builds this message once something has thrown): it is returned as
 * it is when the context does hold a Dataloader, because then something else failed.
 */
export function missingDataloader(
  context: unknown,
  field: string,
  resolver: string,
  error?: unknown,
): unknown {
  const dataloader = (context as Record<string, unknown> | null | undefined)?.[field];
  const { with: withSource, run } = (dataloader ?? {}) as { with?: unknown; run?: unknown };
  if (typeof withSource === 'function' && typeof run === 'function') return error;
  return new TypeError(
    `${resolver} needs a Dataloader at context.${field} (put one on each request's context, ` +
      `e.g. with the useDataloader plugin), but got: ${describe(dataloader)}.`,
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return typeof value;
}
