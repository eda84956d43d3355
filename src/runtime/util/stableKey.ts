/**
 * A string identity for a plain object or array key, equal for equal structure whatever the
 * property order: `{ a: 1, b: 2 }` and `{ b: 2, a: 1 }` share a cache entry. The leading NUL
 * keeps object identities apart from string keys, which the cache stores as themselves.
 */
export function stableKey(value: object): string {
  return `\u0000${serialize(value)}`;
}

function serialize(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return `${value}n`;
    if (value === undefined) return 'undefined';
    return JSON.stringify(value) ?? String(value);
  }
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  const keys = Object.keys(value).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (i > 0) out += ',';
    out += `${JSON.stringify(k)}:${serialize((value as Record<string, unknown>)[k])}`;
  }
  return `${out}}`;
}
