import { NotFoundError } from './errors.js';
import type { Load } from './load.js';
import type { PromiseOrValue } from './util/promiseOrValue.js';

// Helpers for generated resolver wrappers. Each returns the plain value when the Load has
// settled, so graphql-js completes the field synchronously and allocates no Promise; only a
// pending Load costs one.

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

/** A non-null field with a scalar key: a missing value is a NotFoundError. */
export function resolveOne<V>(
  load: Load<V | null | undefined>,
  field: BatchField,
  key: unknown,
): PromiseOrValue<V> {
  if (load.pendingSlot() === null) return required(load.result(), field, key);
  return load.then((value) => required(value, field, key));
}

/** A nullable field with a scalar key: a missing value is `null`. */
export function resolveNullable<V>(load: Load<V | null | undefined>): PromiseOrValue<V | null> {
  if (load.pendingSlot() === null) return load.result() ?? null;
  return load.then(orNull);
}

/** A `many: true` field: a missing list is `[]`. */
export function resolveMany<V>(load: Load<readonly V[] | null | undefined>): PromiseOrValue<V[]> {
  if (load.pendingSlot() === null) return orEmpty(load.result());
  return load.then(orEmpty);
}

/** A list key (`loadAll`): each missing item is `null`, or a NotFoundError naming its key. */
export function resolveEach<V>(
  load: Load<ReadonlyArray<V | null | undefined>>,
  field: BatchField,
  keys: readonly unknown[],
  nullableItems: false,
): PromiseOrValue<V[]>;
export function resolveEach<V>(
  load: Load<ReadonlyArray<V | null | undefined>>,
  field: BatchField,
  keys: readonly unknown[],
  nullableItems: boolean,
): PromiseOrValue<(V | null)[]>;
export function resolveEach<V>(
  load: Load<ReadonlyArray<V | null | undefined>>,
  field: BatchField,
  keys: readonly unknown[],
  nullableItems: boolean,
): PromiseOrValue<(V | null)[]> {
  if (load.pendingSlot() === null) return items(load.result(), field, keys, nullableItems);
  return load.then((values) => items(values, field, keys, nullableItems));
}

function required<V>(value: V | null | undefined, field: BatchField, key: unknown): V {
  if (value === null || value === undefined) throw notFound(field, key);
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
): (V | null)[] {
  const out: (V | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      if (!nullableItems) throw notFound(field, keys[i]);
      out[i] = null;
    } else out[i] = value;
  }
  return out;
}

function notFound(field: BatchField, key: unknown): NotFoundError {
  return new NotFoundError(field.typeName, `${field.parentType}.${field.field}`, field.source, key);
}
