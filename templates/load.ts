// A field's LoadPlan as text, in the two places that read it: the wrapper's TypeScript (key
// expression, batch parameters) and the field's `batchPlan` entry (the same key and parameters as
// data, for the runtime's lookahead prefetch). Both come from this one file.
import type { KeyPlan, KeyValue, LoadPlan } from '../src/codegen/plan-types.js';

const quote = (text: string) => `'${text}'`;

/** Does the wrapper read `parent` / `args`? */
export function readsParent(load: LoadPlan): boolean {
  const { key } = load;
  if (key.kind === 'parent') return true;
  if (key.kind === 'value') return key.value.from === 'parent';
  return key.parts.some((p) => p.value.from === 'parent');
}

export function readsArgs(load: LoadPlan): boolean {
  const { key } = load;
  if (load.params.length > 0) return true;
  if (key.kind === 'value') return key.value.from === 'args';
  return key.kind === 'composite' && key.parts.some((p) => p.value.from === 'args');
}

function valueExpr(value: KeyValue, object: string): string {
  if (value.from === 'args') return `args.${value.name}`;
  return `${object}${value.path.map((s) => `${s.optional ? '?.' : '.'}${s.name}`).join('')}`;
}

/**
 * `parent.authorId`, `args.id`, `{ orgId: parent.orgId, userId: parent.userId }`, `parent`.
 * `object` names the resolver's object argument: a reference resolver reads the representation.
 */
export function keyExpr(key: KeyPlan, object = 'parent'): string {
  if (key.kind === 'parent') return object;
  if (key.kind === 'value') return valueExpr(key.value, object);
  return `{ ${key.parts.map((p) => `${p.name}: ${valueExpr(p.value, object)}`).join(', ')} }`;
}

/**
 * The null test of a nullable field, on the local `name` holding the key; and the key to load
 * once it passed (a composite key is rebuilt from its narrowed parts, so tsc sees them non-null).
 */
export function nullTest(key: KeyPlan, name: string): { test: string; loaded: string } {
  if (key.kind !== 'composite') return { test: `${name} == null`, loaded: name };
  const nullable = key.parts.filter((p) => p.nullable);
  return {
    test: nullable.map((p) => `${name}.${p.name} == null`).join(' || '),
    loaded: `{ ${key.parts.map((p) => `${p.name}: ${name}.${p.name}`).join(', ')} }`,
  };
}

/** `, batchParams(args, ['first'])` (empty without parameters): the `with` call's second argument. */
export function paramsArg(params: readonly string[]): string {
  if (params.length === 0) return '';
  return `, batchParams(args, [${params.map(quote).join(', ')}])`;
}

function valueData(value: KeyValue): string {
  return value.from === 'args'
    ? `arg: ${quote(value.name)}`
    : `path: [${value.path.map((s) => quote(s.name)).join(', ')}]`;
}

/** The runtime's `PrefetchField` for the load, as an object literal's members. */
export function prefetchEntry(load: LoadPlan): string {
  const parts = [`source: ${quote(load.source)}`];
  const { key } = load;
  if (key.kind === 'parent') parts.push('keyParent: true');
  else if (key.kind === 'composite') {
    const items = key.parts.map((p) => `{ name: ${quote(p.name)}, ${valueData(p.value)} }`);
    parts.push(`keyParts: [${items.join(', ')}]`);
  } else if (key.value.from === 'args') parts.push(`keyArg: ${quote(key.value.name)}`);
  else parts.push(`keyPath: [${key.value.path.map((s) => quote(s.name)).join(', ')}]`);
  parts.push(`list: ${load.list}`, `params: [${load.params.map(quote).join(', ')}]`);
  return parts.join(', ');
}
