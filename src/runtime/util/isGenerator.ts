const objectToString = Object.prototype.toString;

/**
 * True for a generator object (what calling a `function*` returns). One builtin call: every
 * job's generator has its own prototype, so property probes here would be megamorphic.
 */
export function isGenerator(value: unknown): value is Generator<unknown, unknown, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    objectToString.call(value) === '[object Generator]'
  );
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/** True for a `function*` (so a run can step generator fetches before plain ones start). */
export function isGeneratorFunction(fn: unknown): boolean {
  return typeof fn === 'function' && fn instanceof GeneratorFunction;
}
