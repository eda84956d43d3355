// Large inputs for the codegen fuzz test: a generated chain of hundreds of object types, each
// with a one-to-one, a list and a many: true @batch field of which some are broken at random,
// and GitHub's schema (test/codegen/support/octokit.ts) with a few of its directives corrupted.
import fc from 'fast-check';

/** How one type's @batch fields come out: correct, or broken in one documented way. */
const VARIANTS = ['ok', 'badKey', 'noSource', 'listMismatch', 'nullableKey', 'wrongType'] as const;
type Variant = (typeof VARIANTS)[number];

function typeBlock(i: number, n: number, variant: Variant): string {
  const next = `T${(i + 1) % n}`;
  const one = {
    ok: `next: ${next}! @batch(source: "${next}")`,
    badKey: `next: ${next}! @batch(source: "${next}", key: "nextIdd")`,
    noSource: `next: ${next}! @batch(key: "nextId")`,
    listMismatch: `next: [${next}!]! @batch(source: "${next}")`,
    nullableKey: `next: ${next}! @batch(source: "${next}", key: "maybeId")`,
    wrongType: `next: ${next}! @batch(source: "${next}", many: "yes")`,
  }[variant];
  return [
    `type T${i} {`,
    '  id: ID!',
    '  nextId: ID!',
    '  maybeId: ID',
    '  nextIds: [ID!]!',
    `  ${one}`,
    `  nexts: [${next}!]! @batch(source: "${next}", key: "nextIds")`,
    `  children(first: Int, after: String): [${next}!]! @batch(source: "ChildrenOfT${i}", key: "id", many: true)`,
    '}',
  ].join('\n');
}

/** `n` chained types; a fifth of the cases have no broken field (and so generate output). */
export function largeSchemaArb(n: number): fc.Arbitrary<string> {
  const allOk = fc.constant(Array.from({ length: n }, (): Variant => 'ok'));
  const some = fc.array(
    fc.oneof({ weight: 20, arbitrary: fc.constant<Variant>('ok') }, fc.constantFrom(...VARIANTS)),
    { minLength: n, maxLength: n },
  );
  return fc
    .oneof({ weight: 1, arbitrary: allOk }, { weight: 4, arbitrary: some })
    .map(
      (variants) =>
        `${[
          ...variants.map((v, i) => typeBlock(i, n, v)),
          'type Query {\n  t0(id: ID!): T0 @batch(source: "T0", key: "$args.id")\n}',
        ].join('\n\n')}\n`,
    );
}

/** Replacements for a `key: "id"` argument, each of which the codegen must reject. */
const BROKEN_KEYS = [
  'key: "idd"',
  'key: 1',
  'key: "$args.nope"',
  'key: "id", many: "yes"',
  'key: "id", sorce: "X"',
  'key: "id.value"',
] as const;

/** The SDL with 1 to 5 of its `key: "id"` arguments replaced by broken ones. */
export function corruptDirectives(sdl: string): fc.Arbitrary<string> {
  const count = sdl.split('key: "id"').length - 1;
  return fc
    .uniqueArray(fc.tuple(fc.nat(count - 1), fc.constantFrom(...BROKEN_KEYS)), {
      minLength: 1,
      maxLength: 5,
      selector: ([index]) => index,
    })
    .map((edits) => {
      const at = new Map(edits);
      let seen = -1;
      return sdl.replace(/key: "id"/g, (match) => {
        seen++;
        return at.get(seen) ?? match;
      });
    });
}
