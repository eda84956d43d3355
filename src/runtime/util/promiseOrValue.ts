/** A value, or a Promise of it: the runtime goes async only when a value really is a promise. */
export type PromiseOrValue<T> = T | Promise<T>;
