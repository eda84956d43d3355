// Projection: the fields of a Source's value that the loads of one batch asked for, so `fetch`
// can read only those (a SQL column list, a document store's projection). A load carries the
// fields its caller will read (the generated resolvers pass the selection set below the field);
// a batch's fields are the union over its loads, or everything as soon as one load came without
// any (a hand-written `load(key)`).

/** The element of a list value (a `many: true` Source's `V` is a list), else the value. */
type ItemOf<V> = V extends readonly (infer E)[] ? E : V;

/** The field names of a Source's value type: `FieldOf<UserRow | null>` is `keyof UserRow`. */
export type FieldOf<V> = Extract<keyof NonNullable<ItemOf<V>>, string>;

/** What `fetch` receives next to its keys. */
export interface Projection<V> {
  /**
   * The fields the batch's loads asked for (their union), or null: everything, because a load
   * asked for no particular fields or the Source does not project (`static projection`).
   * The key's own field is not added: `fetch` reads it anyway, to put values in key order.
   */
  readonly fields: ReadonlySet<FieldOf<V>> | null;
}

/** The projection of a batch that asked for everything (one object, never changed). */
export const EVERYTHING: Projection<never> = Object.freeze({ fields: null });

/**
 * Keys fetched (or being fetched) with only some fields → those fields, by cache entry. One map
 * for every Source: a cache map that several Dataloaders share holds entries another instance
 * fetched, and they must answer only loads of their fields there too.
 */
export const fetchedWith = new WeakMap<object, ReadonlySet<string>>();
