const objectToString = Object.prototype.toString;

/**
 * True for a generator object (what calling a `function*` returns). No property probes: every
 * job's generator has its own prototype, so they would be megamorphic. A generator's prototype
 * is its function's `prototype`, whose own prototype is %GeneratorPrototype%; anything else
 * (another realm's generator, a Promise) is told by its `toString` tag.
 */
export function isGenerator(value: unknown): value is Generator<unknown, unknown, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  // `toString` looks up Symbol.toStringTag along the chain: much slower than two reads.
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && Object.getPrototypeOf(proto) === GeneratorPrototype) return true;
  return objectToString.call(value) === '[object Generator]';
}

const GeneratorPrototype: object = Object.getPrototypeOf(
  Object.getPrototypeOf((function* () {})()),
);

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/** True for a `function*` (so a run can step generator fetches before plain ones start). */
export function isGeneratorFunction(fn: unknown): boolean {
  return typeof fn === 'function' && fn instanceof GeneratorFunction;
}
