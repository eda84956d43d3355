// Sources whose `fetch` returns rows in any order (Pothos's `sort`, Hot Chocolate's group
// loaders): the Source declares how a row names its key (`rowKey` or `groupKey`), and the
// batch lines the rows up with its keys before they settle, so no `fetch` calls orderByKeys or
// groupByKeys by hand.
import type { AnySource } from './batch.js';
import { sourceName } from './batch.js';
import type { Slot } from './load.js';
import { inspect } from './util/inspect.js';

/** True when the Source declares rowKey or groupKey: its `fetch` returns rows, not values. */
export function returnsRows(source: AnySource): boolean {
  return source.rowKey !== undefined || source.groupKey !== undefined;
}

const NO_ROW: unique symbol = Symbol('no row');

/**
 * The values of a batch's keys from the rows `fetch` returned: rows are matched to keys by the
 * Source's key identity (`cacheKey`), so an overridden `cacheKey` applies to rows too. With
 * `rowKey`, each key gets its first row, or `missing(key)`; with `groupKey`, each key gets its
 * rows in row order, or `[]`. Rows whose key was not asked for are ignored. Throws (failing the
 * batch) on a bad declaration or result, naming the Source.
 */
export function alignRows(
  source: AnySource,
  keys: readonly unknown[],
  slots: readonly Slot<unknown>[],
  result: unknown,
): unknown[] {
  const { rowKey, groupKey } = source;
  if (rowKey !== undefined && groupKey !== undefined) {
    throw new TypeError(
      `${sourceName(source)} declares both rowKey(row) and groupKey(row): declare rowKey when ` +
        'each key has one row, groupKey when each key has a list of rows.',
    );
  }
  const declared = rowKey === undefined ? 'groupKey' : 'rowKey';
  const keyOf = (rowKey ?? groupKey) as unknown;
  if (typeof keyOf !== 'function') {
    throw new TypeError(
      `${sourceName(source)}.${declared} must be a method that returns the key of a row, but got: ${inspect(keyOf)}.`,
    );
  }
  if (!isIterable(result)) {
    throw new TypeError(
      `${sourceName(source)}.fetch() must return the rows (an array or other iterable, in any ` +
        `order), since the Source declares ${declared}(row), but got: ${inspect(result)}.`,
    );
  }
  // Keys reach fetch once per identity, except a key cleared while its batch was still open,
  // which joins it again: every position of an identity gets the rows (first → next → …).
  const first = new Map<unknown, number>();
  const next: number[] = new Array(slots.length).fill(-1);
  for (let i = slots.length - 1; i >= 0; i--) {
    const identity = (slots[i] as Slot<unknown>).cacheKey;
    const later = first.get(identity);
    if (later !== undefined) next[i] = later;
    first.set(identity, i);
  }
  const values: unknown[] = new Array(keys.length);
  const keyOfRow = (row: unknown): unknown => {
    const key = (keyOf as (row: unknown) => unknown).call(source, row);
    if (key === undefined) throw noKey(source, declared, row);
    return key;
  };
  if (rowKey !== undefined) {
    values.fill(NO_ROW);
    for (const row of result) {
      let at = first.get(source._identity(keyOfRow(row)));
      for (; at !== undefined && at >= 0; at = next[at])
        if (values[at] === NO_ROW) values[at] = row;
    }
    for (let i = 0; i < values.length; i++) {
      if (values[i] === NO_ROW) values[i] = source.missing(keys[i]);
    }
    return values;
  }
  // Each key gets its own array, so code that changes one group never changes another.
  for (let i = 0; i < values.length; i++) values[i] = [];
  for (const row of result) {
    let at = first.get(source._identity(keyOfRow(row)));
    for (; at !== undefined && at >= 0; at = next[at]) (values[at] as unknown[]).push(row);
  }
  return values;
}

/**
 * A row whose key reads undefined: most often a projecting Source's statement that left out the
 * key's column (projection.fields never names it). Every key would silently get no row.
 */
function noKey(source: AnySource, declared: string, row: unknown): TypeError {
  return new TypeError(
    `${sourceName(source)}.${declared}(row) returned undefined for the row ${inspect(row)}: every ` +
      "row must carry its key, so a Source that projects reads the key's column even when " +
      'projection.fields leaves it out.',
  );
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}
