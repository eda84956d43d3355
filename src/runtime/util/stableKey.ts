const MAX_DEPTH = 100;
const IDENTITY_ERROR: unique symbol = Symbol('graphql-codegen-batch identity error');

/**
 * Prefixes an identity error with the call that received the bad value, e.g.
 * `Users.load({ … })`; any other error (a throwing getter) passes through untouched.
 */
export function inCall(error: unknown, call: () => string): unknown {
  if (error instanceof Error && (error as { [IDENTITY_ERROR]?: true })[IDENTITY_ERROR]) {
    error.message = `${call()}: ${error.message}`;
  }
  return error;
}

function identityError<E extends Error>(error: E): E {
  (error as E & { [IDENTITY_ERROR]?: true })[IDENTITY_ERROR] = true;
  return error;
}

/**
 * The identity of a key (or of batch parameters) in a Map: primitives as themselves, plain
 * objects and arrays by a serialisation that ignores property order (`{ a: 1, b: 2 }` and
 * `{ b: 2, a: 1 }` are one key). Object identities start with one NUL; a string that starts
 * with NUL gets a second one, so no string, however crafted, can alias an object key.
 */
export function identityOf(value: unknown): unknown {
  if (typeof value === 'string') return value.charCodeAt(0) === 0 ? `\u0000${value}` : value;
  if (typeof value !== 'object' || value === null) return value;
  return `\u0000${serialize(value, 0)}`;
}

function serialize(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return `${value}n`;
    if (value === undefined) return 'undefined';
    // A method (toJSON, a getter's class…) is behaviour, not identity, as for JSON.
    if (typeof value === 'function') return 'function';
    if (typeof value === 'symbol')
      throw identityError(
        new TypeError(
          `a cache key or batch parameter contains ${String(value)}, which has no stable ` +
            'identity: use plain data, or override cacheKey().',
        ),
      );
    return JSON.stringify(value) as string;
  }
  if (depth > MAX_DEPTH) {
    throw identityError(
      new RangeError(
        `a cache key or batch parameter is nested deeper than ${MAX_DEPTH} levels (or is ` +
          'circular): use a flatter key, or override cacheKey().',
      ),
    );
  }
  const next = depth + 1;
  if (Array.isArray(value)) return `[${value.map((v) => serialize(v, next)).join(',')}]`;
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (value instanceof Map)
    return `Map(${[...value].map(([k, v]) => `${serialize(k, next)}=>${serialize(v, next)}`).join(',')})`;
  if (value instanceof Set) return `Set(${[...value].map((v) => serialize(v, next)).join(',')})`;
  if (Object.getOwnPropertySymbols(value).length > 0) {
    throw identityError(
      new TypeError(
        'a cache key or batch parameter has symbol-keyed properties, which have no stable ' +
          'identity: use plain data, or override cacheKey().',
      ),
    );
  }
  const proto = Object.getPrototypeOf(value);
  // A class instance keeps its class name, so two classes with the same fields stay apart.
  const name =
    proto === Object.prototype || proto === null ? '' : (proto?.constructor?.name ?? '?');
  const keys = Object.keys(value).sort();
  let out = `${name}{`;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (i > 0) out += ',';
    out += `${JSON.stringify(k)}:${serialize((value as Record<string, unknown>)[k], next)}`;
  }
  return `${out}}`;
}
