import type { NotFoundError } from './errors.js';
import { notFoundError, type SchemaInfo } from './graphql-error.js';
import { type Load, mapLoad } from './load.js';
import type { PromiseOrValue } from './util/promiseOrValue.js';

// Helpers for generated resolver wrappers. Each returns the plain value when the Load has
// settled, so graphql-js completes the field synchronously and allocates no Promise; only a
// pending Load costs one. A missing non-null value is a NotFoundError; given the resolver's
// `info`, it is a GraphQLError of the graphql that runs the query (graphql-error.ts), which
// servers that mask every other error show to the client as it is.

/** Static description of one `@batch` field, emitted once per field by the plugin. */
export interface BatchField {
  /** The parent type, e.g. `Post`. */
  readonly parentType: string;
  /** The field, e.g. `author`. */
  readonly field: string;
  /** The field's named return type, e.g. `User`. */
  readonly typeName: string;
  /** The Source name, e.g. `User`. */
  readonly source: string;
}

/**
 * The batch parameters of a `@batch` field: the named arguments, an omitted one as null. The
 * generated wrappers and the lookahead prefetch both build them here, so they reach the same
 * Source instance (an omitted argument and an explicit null are one instance).
 */
export function batchParams<A extends object, N extends keyof A & string>(
  args: A,
  names: readonly N[],
): { [P in N]: Exclude<A[P], undefined> } {
  const params: Record<string, unknown> = {};
  for (const name of names) params[name] = (args as Record<string, unknown>)[name] ?? null;
  return params as { [P in N]: Exclude<A[P], undefined> };
}

/** A non-null field with a scalar key: a missing value is a NotFoundError. */
export function resolveOne<V>(
  load: Load<V | null | undefined>,
  field: BatchField,
  key: unknown,
  info?: SchemaInfo,
): PromiseOrValue<V> {
  if (load.pendingSlot() === null) return required(load.result(), field, key, info);
  return mapLoad(load, required, field, key, info);
}

/** A nullable field with a scalar key: a missing value is `null`. */
export function resolveNullable<V>(load: Load<V | null | undefined>): PromiseOrValue<V | null> {
  if (load.pendingSlot() === null) return load.result() ?? null;
  return mapLoad(load, orNull, undefined, undefined, undefined);
}

/** A `many: true` field: a missing list is `[]`. */
export function resolveMany<V>(load: Load<readonly V[] | null | undefined>): PromiseOrValue<V[]> {
  if (load.pendingSlot() === null) return orEmpty(load.result());
  return mapLoad(load, orEmpty, undefined, undefined, undefined);
}

/** A list key (`loadAll`): each missing item is `null`, or a NotFoundError naming its key. */
export function resolveEach<V>(
  load: Load<ReadonlyArray<V | null | undefined>>,
  field: BatchField,
  keys: readonly unknown[],
  nullableItems: false,
  info?: SchemaInfo,
): PromiseOrValue<V[]>;
export function resolveEach<V>(
  load: Load<ReadonlyArray<V | null | undefined>>,
  field: BatchField,
  keys: readonly unknown[],
  nullableItems: boolean,
  info?: SchemaInfo,
): PromiseOrValue<(V | null)[]>;
export function resolveEach<V>(
  load: Load<ReadonlyArray<V | null | undefined>>,
  field: BatchField,
  keys: readonly unknown[],
  nullableItems: boolean,
  info?: SchemaInfo,
): PromiseOrValue<(V | null)[]> {
  if (load.pendingSlot() === null) return items(load.result(), field, keys, nullableItems, info);
  return mapLoad(load, eachItem, field, { keys, nullableItems }, info);
}

function required<V>(
  value: V | null | undefined,
  field: BatchField,
  key: unknown,
  info: SchemaInfo | undefined,
): V {
  if (value === null || value === undefined) throw notFound(field, key, info);
  return value;
}

function orNull<V>(value: V | null | undefined): V | null {
  return value ?? null;
}

function orEmpty<V>(value: readonly V[] | null | undefined): V[] {
  return (value ?? []) as V[];
}

function items<V>(
  values: ReadonlyArray<V | null | undefined>,
  field: BatchField,
  keys: readonly unknown[],
  nullableItems: boolean,
  info: SchemaInfo | undefined,
): (V | null)[] {
  // `loadAll` built this array for this call: missing items become null (or an error) in place.
  const out = values as (V | null | undefined)[];
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== null && out[i] !== undefined) continue;
    if (!nullableItems) throw notFound(field, keys[i], info);
    out[i] = null;
  }
  return out as (V | null)[];
}

function eachItem<V>(
  values: ReadonlyArray<V | null | undefined>,
  field: BatchField,
  each: { readonly keys: readonly unknown[]; readonly nullableItems: boolean },
  info: SchemaInfo | undefined,
): (V | null)[] {
  return items(values, field, each.keys, each.nullableItems, info);
}

function notFound(field: BatchField, key: unknown, info: SchemaInfo | undefined): NotFoundError {
  const path = `${field.parentType}.${field.field}`;
  return notFoundError(field.typeName, path, field.source, key, info);
}
