// Helpers for `fetch` bodies: a database returns rows in its own order and skips missing ids;
// `fetch` must return one entry per key, in key order. These two line rows up with keys.

/**
 * One row per key, in key order; keys with no row get `null`. Rows are matched by
 * `keyOf(row)` with SameValueZero (as `Map` does), so pass keys of the type `keyOf` returns:
 * the number 1 never matches the string "1".
 */
export function orderByKeys<K, R>(
  keys: readonly K[],
  rows: Iterable<R>,
  keyOf: (row: R) => K,
): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!byKey.has(key)) byKey.set(key, row);
  }
  const result: (R | null)[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) result[i] = byKey.get(keys[i] as K) ?? null;
  return result;
}

/**
 * The rows of each key, in key order, each group in row order; keys with no row get `[]`.
 * For one-to-many sources (`@batch(many: true)`).
 */
export function groupByKeys<K, R>(
  keys: readonly K[],
  rows: Iterable<R>,
  keyOf: (row: R) => K,
): R[][] {
  const byKey = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  const result: R[][] = new Array(keys.length);
  // Each key gets its own array, so a caller that mutates one group never changes another.
  for (let i = 0; i < keys.length; i++) result[i] = byKey.get(keys[i] as K)?.slice() ?? [];
  return result;
}
