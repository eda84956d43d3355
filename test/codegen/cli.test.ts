// The real CLI, as a user runs it: `graphql-codegen --config codegen.yml` in a project that
// loads the plugin by package name, and `--watch` regenerating after an SDL edit.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir, root } from './support/fixtures.js';

const bin = join(root, 'node_modules/@graphql-codegen/cli/esm/bin.js');
// Inside the package, so `graphql-codegen-batch` resolves to this package's dist/ by self-reference.
const scratch = join(root, '.tmp/codegen-cli');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CONFIG = `schema: schema.graphql
generates:
  generated/graphql.ts:
    plugins: [typescript, typescript-resolvers, graphql-codegen-batch]
    config:
      contextType: ../context#Context
      mappers: { Post: ../models#PostRow, User: ../models#UserRow, Comment: ../models#CommentRow }
`;

function project(name: string): string {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['schema.graphql', 'models.ts', 'context.ts']) {
    cpSync(join(fixturesDir, 'journey', file), join(dir, file));
  }
  writeFileSync(join(dir, 'codegen.yml'), CONFIG);
  return dir;
}

// vitest sets NODE_ENV=test, which the CLI reads as "be silent"; run it as a user's shell would.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')),
);

function run(dir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Polls until `check` holds; fails with `what` after `ms` (a bound, not a sleep). */
async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('graphql-codegen CLI', () => {
  it('--config writes the same file as the journey golden', async () => {
    const dir = project('once');
    const { code, output } = await run(dir, ['--config', 'codegen.yml']);
    expect(code, output).toBe(0);
    expect(readFileSync(join(dir, 'generated/graphql.ts'), 'utf8')).toBe(
      readFileSync(join(fixturesDir, 'journey/generated/graphql.ts'), 'utf8'),
    );
  });

  it('fails with the located error and writes nothing', async () => {
    const dir = project('error');
    const sdl = readFileSync(join(dir, 'schema.graphql'), 'utf8');
    writeFileSync(join(dir, 'schema.graphql'), sdl.replace('key: "authorId"', 'key: "writerId"'));
    const { code, output } = await run(dir, ['--config', 'codegen.yml']);
    expect(code).not.toBe(0);
    expect(output).toContain(
      'schema.graphql:5:40 - @batch on Post.author: key "writerId": "writerId" is not a property of PostRow',
    );
    expect(existsSync(join(dir, 'generated/graphql.ts'))).toBe(false);
  });

  it('--watch regenerates after the SDL changes', async () => {
    const dir = project('watch');
    const out = join(dir, 'generated/graphql.ts');
    const child: ChildProcess = spawn(
      process.execPath,
      [bin, '--config', 'codegen.yml', '--watch'],
      {
        cwd: dir,
        env,
      },
    );
    let log = '';
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    try {
      await until(
        'the first generation',
        () => existsSync(out) && /Watching for changes/i.test(log),
      );
      expect(readFileSync(out, 'utf8')).not.toContain('ReviewerSource');
      const sdl = readFileSync(join(dir, 'schema.graphql'), 'utf8').replace(
        '  title: String!\n',
        '  title: String!\n  reviewer: User @batch(source: "Reviewer", key: "editorId")\n',
      );
      // "Watching" is printed before @parcel/watcher's subscription is live, so an edit made at
      // once can be missed: re-save the edited SDL on each poll until the output changes.
      let saves = 0;
      await until('the regenerated output', () => {
        if (saves++ % 20 === 0) writeFileSync(join(dir, 'schema.graphql'), sdl);
        return readFileSync(out, 'utf8').includes('ReviewerSource');
      }).catch((e: Error) => {
        throw new Error(`${e.message}\n${log}`);
      });
      expect(readFileSync(out, 'utf8')).toContain(
        "export abstract class ReviewerSource extends Source<NonNullable<PostRow['editorId']>, UserRow | null, undefined, Context> {}",
      );
    } finally {
      child.kill();
    }
  }, 60_000);
});
