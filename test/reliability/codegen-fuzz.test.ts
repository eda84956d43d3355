// Codegen fuzzing: random and mutated SDL with @batch (fuzz-sdl.ts) through
// the plugin as core runs it (fuzz-run.ts). Properties: the plugin returns whole TypeScript or
// throws a BatchCodegenError whose problems are all located in the SDL (or documented
// schema-level ones), never another exception; the same input gives the same outcome; and a
// sample of the successful schemas, run through the real CLI with typescript and
// typescript-resolvers, type-checks under the goldens' strict tsc.
//
// FUZZ_RUNS sets the number of small schemas (default 300), FUZZ_LARGE_RUNS the large ones,
// FUZZ_TYPECHECK the size of the tsc sample (default 20); FUZZ_SEED replays a reported failure.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { BatchCodegenError } from 'graphql-codegen-batch';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../codegen/support/fixtures.js';
import { octokitSdl, withBatchDirectives } from '../codegen/support/octokit.js';
import { typeCheck } from '../codegen/support/typecheck.js';
import { corruptDirectives, largeSchemaArb } from './fuzz-large.js';
import { describeOutcome, judge, runCli, runPlugin } from './fuzz-run.js';
import { mutate, mutationArb, schemaArb, tameSchemaArb } from './fuzz-sdl.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const LARGE_RUNS = Number(process.env.FUZZ_LARGE_RUNS ?? 3);
const TYPECHECK = Number(process.env.FUZZ_TYPECHECK ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 909_002);
const TIMEOUT = Math.max(30_000, RUNS * 100);

const dir = join(root, '.tmp/codegen-fuzz');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both runs of one SDL must be acceptable and identical; returns the outcome's kind. */
async function check(sdl: string): Promise<'output' | 'error' | 'unbuildable'> {
  const first = await runPlugin(sdl);
  expect(judge(sdl, first), sdl).toEqual([]);
  const second = await runPlugin(sdl);
  expect(describeOutcome(second)).toBe(describeOutcome(first));
  return first.kind;
}

const succeeded: string[] = [];

/**
 * Type names kept out of the tsc sample, each for a reason outside this property or pinned
 * below: the CLI's loader (@graphql-tools/load, collecting comments in a plain object) throws a
 * TypeError on a type named after an Object.prototype member before any plugin runs; the
 * typescript plugin's own output breaks on a type named Array (it emits Array<T>); Source and
 * Dataloader collide with the batch code's runtime imports (the name-clash case at the end).
 */
const forTypeCheck = (sdl: string) =>
  !/^(type|extend type|interface) (toString|constructor|__proto__|Array|Source|Dataloader)\b/m.test(
    sdl,
  );

/** Hostile schemas (mostly rejected, some mutated line by line) and tame ones (mostly accepted). */
const anySchema = fc.oneof(
  fc.tuple(schemaArb(5, 6), mutationArb).map(([schema, mutation]) => mutate(schema.sdl, mutation)),
  tameSchemaArb(5, 6).map((schema) => schema.sdl),
);

describe(`codegen fuzz: ${RUNS} random schemas with @batch (seed ${SEED})`, () => {
  it(
    'output or a located BatchCodegenError, never another exception; deterministic',
    async () => {
      const counts = { output: 0, error: 0, unbuildable: 0 };
      await fc.assert(
        fc.asyncProperty(anySchema, async (sdl) => {
          const kind = await check(sdl);
          counts[kind]++;
          if (kind === 'output' && succeeded.length < TYPECHECK && forTypeCheck(sdl))
            succeeded.push(sdl);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      console.log('codegen fuzz outcomes:', counts);
      // The generator must reach both outcomes, and mostly build (else it tests graphql-js).
      expect(counts.output).toBeGreaterThanOrEqual(Math.ceil(RUNS / 20));
      expect(counts.error).toBeGreaterThanOrEqual(Math.ceil(RUNS / 4));
      expect(counts.unbuildable).toBeLessThan(RUNS / 3);
    },
    TIMEOUT,
  );

  it('the judge can fail: other exceptions, off-SDL locations and partial output are reported', () => {
    const sdl = 'type Query {\n  a: Int\n}\n';
    expect(judge(sdl, { kind: 'error', error: new TypeError('x is undefined') })).toHaveLength(1);
    const offSdl = new BatchCodegenError([
      { location: { file: 'fuzz.graphql', line: 9, column: 1 }, message: 'far away' },
    ]);
    expect(judge(sdl, { kind: 'error', error: offSdl })).toHaveLength(1);
    const unlocated = new BatchCodegenError([{ location: undefined, message: 'somewhere' }]);
    expect(judge(sdl, { kind: 'error', error: unlocated })).toHaveLength(1);
    expect(judge(sdl, { kind: 'output', text: 'export class A {' })).not.toEqual([]);
  });

  it(
    'large generated schemas (hundreds of types, some directives broken)',
    async () => {
      await fc.assert(
        fc.asyncProperty(largeSchemaArb(400), async (sdl) => {
          expect(await check(sdl)).not.toBe('unbuildable');
        }),
        { numRuns: LARGE_RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it("GitHub's schema with @batch on 600 fields, a few of them corrupted", async () => {
    const { sdl } = withBatchDirectives(octokitSdl(), 600);
    await fc.assert(
      fc.asyncProperty(corruptDirectives(sdl), async (corrupted) => {
        expect(await check(corrupted)).toBe('error');
      }),
      { numRuns: 1, seed: SEED },
    );
  }, 60_000);

  it(`a sample of ${TYPECHECK} successful schemas: the CLI's output passes tsc strict`, async () => {
    expect(succeeded.length).toBe(TYPECHECK);
    const files: string[] = [];
    for (const [i, sdl] of succeeded.entries()) {
      const result = await runCli(join(dir, `case-${i}`), sdl);
      expect(result.kind === 'output' ? 'output' : result.text, sdl).toBe('output');
      if (result.kind === 'output') files.push(result.file);
    }
    const diagnostics = typeCheck(files).map((d) => `${d.file}:${d.line} TS${d.code} ${d.message}`);
    expect(diagnostics).toEqual([]);
  }, 120_000);

  // The batch code imports Source and Dataloader (and BatchField, Prefetch, …) from the runtime
  // by name; a schema type of the same name in the same module would make tsc fail (TS2440), so
  // the codegen reports it as a schema-level name-clash error (no SDL location: it is about a
  // type's name).
  it('a schema type named like a runtime import: located error or output that type-checks', async () => {
    const sdl = [
      'type Source {\n  id: ID!\n}',
      'type Query {\n  source(id: ID!): Source @batch(source: "Thing", key: "$args.id")\n}',
    ].join('\n\n');
    const result = await runCli(join(dir, 'runtime-import-clash'), `${sdl}\n`);
    if (result.kind === 'errors') {
      expect(result.text).toContain(
        'The schema type Source has the name Source, which graphql-codegen-batch imports from its runtime. Remedy: generate the batch code into its own file (config "typesImportPath"), or rename the type.',
      );
      return;
    }
    expect(typeCheck([result.file]).map((d) => `TS${d.code} ${d.message}`)).toEqual([]);
  });
});
