// Scale: GitHub's public schema with @batch on 600 fields → the typescript, typescript-resolvers
// and batch output of codegen type-checks (tsc strict). The plugin's own time is printed and
// written to .tmp/codegen-scale.json (first and repeated run), not asserted.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { buildSchema } from 'graphql';
import { addToSchema, plugin } from 'graphql-codegen-batch';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support/fixtures.js';
import { octokitSdl, withBatchDirectives } from './support/octokit.js';
import { typeCheck } from './support/typecheck.js';

const dir = join(root, '.tmp/codegen-scale');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("GitHub's schema with @batch on 600 fields", () => {
  const { sdl, count } = withBatchDirectives(octokitSdl(), 600);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'schema.graphql'), sdl);

  it('annotates at least 500 fields', () => {
    expect(count).toBe(600);
  });

  it('the plugin alone emits a Source per field (timed)', async () => {
    const times: number[] = [];
    let content = '';
    for (let run = 0; run < 2; run++) {
      const schema = buildSchema(addToSchema + sdl, { assumeValidSDL: true });
      const start = performance.now();
      const output = await plugin(schema, [], {}, { outputFile: join(dir, 'out.ts') });
      times.push(performance.now() - start);
      content = typeof output === 'string' ? output : output.content;
    }
    expect(content.match(/^export abstract class \w+Source extends Source</gm)?.length).toBe(600);
    const report = {
      fields: count,
      firstMs: Math.round(times[0] ?? 0),
      repeatMs: Math.round(times[1] ?? 0),
    };
    writeFileSync(join(root, '.tmp/codegen-scale.json'), `${JSON.stringify(report)}\n`);
    console.log('graphql-codegen-batch plugin time on GitHub schema:', report);
  });

  it('codegen output (typescript + typescript-resolvers + batch) passes tsc strict', async () => {
    const out = join(dir, 'generated/graphql.ts');
    const [file] = (await generate(
      {
        cwd: dir,
        schema: join(dir, 'schema.graphql'),
        generates: {
          [out]: { plugins: ['typescript', 'typescript-resolvers', 'graphql-codegen-batch'] },
        },
        silent: true,
      } as Types.Config & { cwd: string },
      false,
    )) as Types.FileOutput[];
    expect(file?.content).toContain(
      'export function createBatchResolvers(\n  sources: BatchSources,',
    );
    expect(file?.content).toContain('export const batchPlan = {');
    mkdirSync(join(dir, 'generated'), { recursive: true });
    writeFileSync(out, file?.content ?? '');
    expect(typeCheck([out])).toEqual([]);
  }, 120_000);
});
