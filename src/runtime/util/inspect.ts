const MAX_DEPTH = 2;
const MAX_ITEMS = 10;
const MAX_STRING = 60;

/**
 * A bounded, readable rendering of any value for error messages: strings quoted, arrays and
 * objects shown to a small depth and length, so a huge key list never floods a log.
 */
export function inspect(value: unknown, depth = 0): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
    case 'function':
      return value.name ? `[function ${value.name}]` : '[function]';
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'object':
      return inspectObject(value, depth);
    default:
      return String(value);
  }
}

function inspectObject(value: object | null, depth: number): string {
  if (value === null) return 'null';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return '[Array]';
    const items = value.slice(0, MAX_ITEMS).map((v) => inspect(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`);
    return `[${items.join(', ')}]`;
  }
  if (depth >= MAX_DEPTH) return '[Object]';
  const entries = Object.entries(value);
  const shown = entries.slice(0, MAX_ITEMS).map(([k, v]) => `${k}: ${inspect(v, depth + 1)}`);
  if (entries.length > MAX_ITEMS) shown.push(`… ${entries.length - MAX_ITEMS} more`);
  const name =
    value.constructor && value.constructor !== Object ? `${value.constructor.name} ` : '';
  return shown.length ? `${name}{ ${shown.join(', ')} }` : `${name}{}`;
}
