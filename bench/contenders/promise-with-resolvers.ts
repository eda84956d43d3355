// Grafast 1.x calls Promise.withResolvers, which Node 20 lacks (it came in Node 22). The bench
// runs on Node 20, so it adds the standard method here, for the Grafast contender only; the
// package's runtime never uses it.
type WithResolvers = <T>() => {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
};

const promiseStatics = Promise as unknown as { withResolvers?: WithResolvers };
if (typeof promiseStatics.withResolvers !== 'function') {
  promiseStatics.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
