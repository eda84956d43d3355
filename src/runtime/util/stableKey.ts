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
 * The identity of a key (or of batch parameters) in a Map: primitives as themselves (so the
 * Map's SameValueZero applies: `NaN` is one key, `-0` is `0`), objects and arrays by a
 * serialisation that ignores property order (`{ a: 1, b: 2 }` and `{ b: 2, a: 1 }` are one key)
 * and keeps apart every two values that `===` or JSON tells apart: inside it too, `NaN`,
 * `Infinity`, `-Infinity`, `null` and `undefined` are five values, `-0` is `0` (as for `===`,
 * JSON and the Map), a function is itself (two functions are two values), a boxed primitive is
 * its value, an object with a `toJSON` method (a URL…) is also what that returns, and Map and
 * Set entries are compared without their order. Object identities start with one NUL; a string
 * that starts with NUL gets a second one, so no string, however crafted, can alias an object key.
 */
export function identityOf(value: unknown): unknown {
  if (typeof value === 'string') return value.charCodeAt(0) === 0 ? `\u0000${value}` : value;
  if (typeof value !== 'object' || value === null) return value;
  return `\u0000${serialize(value, 0)}`;
}

/** Functions inside keys, by reference: each gets a number the first time it is seen. */
const functionIds = new WeakMap<object, number>();
let nextFunctionId = 0;

function functionId(fn: object): number {
  let id = functionIds.get(fn);
  if (id === undefined) {
    id = nextFunctionId++;
    functionIds.set(fn, id);
  }
  return id;
}

function serialize(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // JSON writes NaN and ±Infinity as null; -0 is "0", as the Map treats it.
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'function':
      return `function#${functionId(value)}`;
    case 'symbol':
      throw identityError(
        new TypeError(
          `a cache key or batch parameter contains ${String(value)}, which has no stable ` +
            'identity: use plain data, or override cacheKey().',
        ),
      );
  }
  if (value === null) return 'null';
  if (depth > MAX_DEPTH) {
    throw identityError(
      new RangeError(
        `a cache key or batch parameter is nested deeper than ${MAX_DEPTH} levels (or is ` +
          'circular): use a flatter key, or override cacheKey().',
      ),
    );
  }
  const next = depth + 1;
  if (Array.isArray(value)) {
    // By index, so a hole is undefined (as JSON has it null) and `[,]` is not `[]`.
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += serialize(value[i], next);
    }
    return `${out}]`;
  }
  const object = value as object;
  if (object instanceof Date) return `Date(${object.getTime()})`;
  if (object instanceof Map) {
    const entries = [...object].map(([k, v]) => `${serialize(k, next)}=>${serialize(v, next)}`);
    return `Map(${entries.sort().join(',')})`;
  }
  if (object instanceof Set) {
    const items = [...object].map((v) => serialize(v, next));
    return `Set(${items.sort().join(',')})`;
  }
  if (
    object instanceof Number ||
    object instanceof String ||
    object instanceof Boolean ||
    object instanceof BigInt ||
    object instanceof Symbol
  ) {
    return `${object.constructor.name}(${serialize(object.valueOf(), next)})`;
  }
  if (Object.getOwnPropertySymbols(object).length > 0) {
    throw identityError(
      new TypeError(
        'a cache key or batch parameter has symbol-keyed properties, which have no stable ' +
          'identity: use plain data, or override cacheKey().',
      ),
    );
  }
  const proto = Object.getPrototypeOf(object);
  // A class instance keeps its class name, so two classes with the same fields stay apart.
  const name =
    proto === Object.prototype || proto === null ? '' : (proto?.constructor?.name ?? '?');
  const keys = Object.keys(object).sort();
  let out = `${name}{`;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (i > 0) out += ',';
    out += `${JSON.stringify(k)}:${serialize((object as Record<string, unknown>)[k], next)}`;
  }
  out += '}';
  // What JSON would write instead (a URL has no own properties, only its toJSON).
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const json: unknown = toJSON.call(object, '');
    if (json !== object) out += `.toJSON(${serialize(json, next)})`;
  }
  return out;
}
