/** True for a generator object (what calling a `function*` returns). */
export function isGenerator(value: unknown): value is Generator<unknown, unknown, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Generator).next === 'function' &&
    typeof (value as Generator).throw === 'function' &&
    typeof (value as Generator)[Symbol.iterator] === 'function'
  );
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/** True for a `function*` (so a run can step generator fetches before plain ones start). */
export function isGeneratorFunction(fn: unknown): boolean {
  return typeof fn === 'function' && fn instanceof GeneratorFunction;
}
