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

/**
 * A non-null `@batch` field whose source returned nothing for its key. graphql-js copies
 * `extensions` onto the GraphQLError, so clients see `extensions.code = "NOT_FOUND"`.
 */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly extensions: { readonly code: 'NOT_FOUND' } = { code: 'NOT_FOUND' };
  readonly typeName: string;
  readonly fieldPath: string;
  readonly sourceName: string;
  readonly key: unknown;
  constructor(typeName: string, fieldPath: string, sourceName: string, key: unknown) {
    const via = sourceName === typeName ? '' : `, source ${sourceName}`;
    super(`${typeName} not found for key ${formatKey(key)} (${fieldPath}${via})`);
    this.typeName = typeName;
    this.fieldPath = fieldPath;
    this.sourceName = sourceName;
    this.key = key;
  }
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
