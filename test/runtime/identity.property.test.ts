// The identity of cache keys and batch parameters, observed through the public API: two values
// share a Source instance (`dataloader.with(Source, params)`) or a Load (`source.load(key)`)
// exactly when they are the same data. "The same data" is node's isDeepStrictEqual (Object.is
// for primitives, prototypes, boxed values, functions by reference; Map and Set entries in any
// order), after the runtime's documented choices: -0 is 0 (as for ===, JSON and a Map key), a
// hole is undefined, and a null-prototype object is a plain object. The values come from a small
// domain full of near-collisions (NaN, null, Infinity, "null", 0 and -0, 1 and 1n and "1"…), so
// equal and unequal pairs are both frequent.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { describe, expect, it } from 'vitest';

const RUNS = Number(process.env.IDENTITY_RUNS ?? 2_000);

class ByParams extends Source<number, null, unknown> {
  fetch(keys: number[]) {
    return keys.map(() => null);
  }
}
class ByKey extends Source<unknown, null> {
  fetch(keys: unknown[]) {
    return keys.map(() => null);
  }
}
class A {
  constructor(readonly x: unknown) {}
}
class B {
  constructor(readonly x: unknown) {}
}
const f = () => 1;
const g = () => 1;

const leaf = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  -0,
  1,
  1.5,
  null,
  undefined,
  true,
  false,
  1n,
  '',
  'null',
  'NaN',
  'Infinity',
  'undefined',
  'true',
  '0',
  '1',
  '1n',
  '\u0000',
  '\u0000{}',
  f,
  g,
);

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', '0'), tie('value'), { maxKeys: 3 }),
    fc
      .dictionary(fc.constantFrom('a', 'b'), tie('value'), { maxKeys: 2 })
      .map((d) => Object.assign(Object.create(null) as object, d)),
    fc.array(fc.tuple(leaf, tie('value')), { maxLength: 2 }).map((entries) => new Map(entries)),
    fc.array(leaf, { maxLength: 3 }).map((items) => new Set(items)),
    fc.constantFrom(0, 1, 86_400_000).map((t) => new Date(t)),
    fc.constantFrom<unknown>(0, -0, 1, Number.NaN).map((n) => new Number(n)),
    fc.constantFrom('', 'a', 'null').map((s) => new String(s)),
    fc.boolean().map((b) => new Boolean(b)),
    tie('value').map((x) => new A(x)),
    tie('value').map((x) => new B(x)),
    fc.array(tie('value'), { minLength: 1, maxLength: 2 }).map((items) => {
      const holey = [...items];
      delete holey[0];
      return holey;
    }),
  ),
}));

/** The runtime's choices, applied before isDeepStrictEqual compares. */
function normalize(v: unknown): unknown {
  if (Object.is(v, -0)) return 0;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return Array.from(v, normalize);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [normalize(k), normalize(x)]));
  if (v instanceof Set) return new Set([...v].map(normalize));
  if (v instanceof Number) return new Number(normalize(v.valueOf()) as number);
  if (v instanceof A) return new A(normalize(v.x));
  if (v instanceof B) return new B(normalize(v.x));
  if (v instanceof Date || v instanceof String || v instanceof Boolean) return v;
  const plain: Record<string, unknown> = {};
  for (const k of Object.keys(v)) plain[k] = normalize((v as Record<string, unknown>)[k]);
  return plain;
}

const sameData = (a: unknown, b: unknown) => isDeepStrictEqual(normalize(a), normalize(b));

/** The same data written another way: keys in reverse order, -0 for 0, Map entries reversed. */
function rewritten(v: unknown): unknown {
  if (v === 0) return Object.is(v, 0) ? -0 : 0;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return Array.from(v, rewritten);
  if (v instanceof Map) return new Map([...v].reverse().map(([k, x]) => [k, rewritten(x)]));
  if (v instanceof Set) return new Set([...v].reverse());
  if (v instanceof A) return new A(rewritten(v.x));
  if (v instanceof B) return new B(rewritten(v.x));
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  const out: Record<string, unknown> = Object.getPrototypeOf(v) === null ? Object.create(null) : {};
  for (const k of Object.keys(v).reverse()) out[k] = rewritten((v as Record<string, unknown>)[k]);
  return out;
}

describe('identity of batch parameters and keys', () => {
  it('two params share a Source instance exactly when they are the same data', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const dl = new Dataloader();
        expect(dl.with(ByParams, a) === dl.with(ByParams, b)).toBe(sameData(a, b));
      }),
      { numRuns: RUNS },
    );
  });

  it('two keys share a Load exactly when they are the same data', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const source = new Dataloader().with(ByKey);
        // (Compared with ===: a Load is a thenable, which expect() must not be handed.)
        expect(source.load(a) === source.load(b)).toBe(sameData(a, b));
      }),
      { numRuns: RUNS },
    );
  });

  it('the same data written another way is the same params and the same key', () => {
    fc.assert(
      fc.property(value, (a) => {
        const dl = new Dataloader();
        const b = rewritten(a);
        expect(dl.with(ByParams, a) === dl.with(ByParams, b)).toBe(true);
        expect(dl.with(ByKey).load(a) === dl.with(ByKey).load(b)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('NaN, null, Infinity, -Infinity and undefined are five params; -0 is 0', () => {
    const dl = new Dataloader();
    const params = [
      Number.NaN,
      null,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      undefined,
    ];
    const sources = params.map((x) => dl.with(ByParams, { x }));
    expect(new Set(sources).size).toBe(5);
    expect(dl.with(ByParams, { x: Number.NaN })).toBe(sources[0]);
    expect(dl.with(ByParams, { x: -0 })).toBe(dl.with(ByParams, { x: 0 }));
    const source = dl.with(ByKey);
    const sameLoad = (a: unknown, b: unknown) => source.load(a) === source.load(b);
    expect(sameLoad([Number.NaN], [null])).toBe(false);
    expect(sameLoad(new Array(1), [])).toBe(false);
    expect(sameLoad({ f }, { f: g })).toBe(false);
    expect(sameLoad(new URL('https://a.example/'), new URL('https://b.example/'))).toBe(false);
    expect(sameLoad(new URL('https://a.example/'), new URL('https://a.example/'))).toBe(true);
    expect(sameLoad(new Date(Number.NaN), new Date(Number.NaN))).toBe(true);
  });
});
