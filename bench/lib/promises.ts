// Counts the Promises a piece of code allocates, with a V8 PromiseHook: `init` fires for every
// Promise created, including the ones `await` and graphql-js make internally. (node:async_hooks
// has no `promiseInit` callback; its `init` with type 'PROMISE' is the same V8 hook behind a
// heavier API, so node:v8's promiseHooks is used.) The hook slows every Promise down, so it is
// on only around probe runs, never while timing.
import { promiseHooks } from 'node:v8';

let count = 0;
const onInit = () => {
  count++;
};

interface Counted<T> {
  readonly value: T;
  readonly promises: number;
}

/**
 * Not an async function on purpose: the window must close the moment `fn`'s Promise settles.
 * Its own `.then` and the caller's `await` of the returned Promise are still counted; that
 * constant is measured once and subtracted by countPromises().
 */
function raw<T>(fn: () => T | Promise<T>): Promise<Counted<T> & { async: boolean }> {
  count = 0;
  const stop = promiseHooks.onInit(onInit);
  let out: T | Promise<T>;
  try {
    out = fn();
  } catch (error) {
    stop();
    throw error;
  }
  if (!(out instanceof Promise)) {
    const promises = count;
    stop();
    return Promise.resolve({ value: out, promises, async: false });
  }
  return out.then(
    (value) => {
      const promises = count;
      stop();
      return { value, promises, async: true };
    },
    (error: unknown) => {
      stop();
      throw error;
    },
  );
}

let overhead: number | undefined;

/**
 * Runs `fn` once with the hook on; returns its result and the Promises it allocated. The
 * window's own bookkeeping is measured on `() => Promise.resolve()`, which allocates exactly
 * one, and subtracted.
 */
export async function countPromises<T>(fn: () => T | Promise<T>): Promise<Counted<T>> {
  // Suspend once first, so the caller's `await` of this function's Promise is set up before
  // the window opens, whether or not this call measures the overhead.
  await undefined;
  if (overhead === undefined) {
    // The first calls also count Node's one-time start-up Promises; the third is steady.
    let measured = 0;
    for (let i = 0; i < 3; i++) measured = (await raw(() => Promise.resolve())).promises - 1;
    overhead = measured;
  }
  const { value, promises, async } = await raw(fn);
  return { value, promises: async ? promises - overhead : promises };
}
