// The ts-morph Project that reads mapper types lives in codegen's pluginContext, which the CLI
// keeps across --watch runs: the second run reuses it (and is cheaper), and a mapper file edited
// between runs is re-read. The timings are printed for the report, not asserted.
import { cpSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { addToSchema, plugin } from 'graphql-codegen-batch';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir, root } from './support/fixtures.js';

const dir = join(root, '.tmp/codegen-mapper-project');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = {
  contextType: '../context#Context',
  mappers: {
    Post: '../models#PostRow',
    User: '../models#UserRow',
    Comment: '../models#CommentRow',
  },
};

function setup(): { sdl: string; outputFile: string } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'generated'), { recursive: true });
  for (const file of ['models.ts', 'context.ts'])
    cpSync(join(fixturesDir, 'journey', file), join(dir, file));
  return {
    sdl: readFileSync(join(fixturesDir, 'journey/schema.graphql'), 'utf8'),
    outputFile: join(dir, 'generated/graphql.ts'),
  };
}

async function run(sdl: string, outputFile: string, pluginContext: Record<string, unknown>) {
  // A fresh schema each time, as each watch run loads one (the plugin caches per schema).
  const schema = buildSchema(addToSchema + sdl);
  const start = performance.now();
  try {
    const output = await plugin(schema, [], config, { outputFile, pluginContext });
    return {
      ms: performance.now() - start,
      content: typeof output === 'string' ? output : output.content,
    };
  } catch (error) {
    return { ms: performance.now() - start, error: (error as Error).message };
  }
}

describe('mapper Project in pluginContext', () => {
  it('is created once and reused by the next run', async () => {
    const { sdl, outputFile } = setup();
    const pluginContext: Record<string, unknown> = {};
    const first = await run(sdl, outputFile, pluginContext);
    const state = Object.values(pluginContext)[0];
    expect(state).toBeDefined();
    const second = await run(sdl, outputFile, pluginContext);
    const third = await run(sdl, outputFile, pluginContext);
    expect(Object.values(pluginContext)).toEqual([state]);
    expect(second.content).toBe(first.content);
    const fresh = await run(sdl, outputFile, {});
    console.log('plugin time with ts-morph mapper checks (journey):', {
      firstMs: Math.round(first.ms),
      repeatMs: Math.round(second.ms),
      repeat2Ms: Math.round(third.ms),
      freshContextMs: Math.round(fresh.ms),
    });
  });

  it('re-reads a mapper file that changed between runs', async () => {
    const { sdl, outputFile } = setup();
    const pluginContext: Record<string, unknown> = {};
    const renamed = sdl.replace('key: "authorId"', 'key: "writerId"');
    const before = await run(renamed, outputFile, pluginContext);
    expect(before.error).toContain('"writerId" is not a property of PostRow');

    const models = join(dir, 'models.ts');
    writeFileSync(
      models,
      readFileSync(models, 'utf8').replace('authorId: string;', 'writerId: string;'),
    );
    utimesSync(models, new Date(), new Date(Date.now() + 5_000)); // a distinct mtime, whatever the clock
    const after = await run(renamed, outputFile, pluginContext);
    expect(after.error).toBeUndefined();
    expect(after.content).toContain(
      "export abstract class UserSource extends Source<PostRow['writerId'], UserRow | null, undefined, Context> {}",
    );
  });
});
