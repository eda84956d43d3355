// The example's generated file is committed (so `tsc` over examples/ works on a fresh clone);
// this runs the real graphql-codegen CLI on the repo's codegen.yml, the way `npm run codegen`
// does, and fails when its output differs from the committed file by a single byte.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from './support/blog.js';

const run = promisify(execFile);
const GENERATED = resolve(root, 'examples/blog/src/generated/graphql.ts');
const CLI = resolve(root, 'node_modules/@graphql-codegen/cli/esm/bin.js');

describe('npm run codegen (the real CLI, codegen.yml)', () => {
  it('regenerates examples/blog/src/generated/graphql.ts byte for byte', async () => {
    const before = readFileSync(GENERATED, 'utf8');
    // --check writes nothing and exits non-zero when an output would change.
    const { stdout, stderr } = await run(
      process.execPath,
      [CLI, '--config', 'codegen.yml', '--check'],
      {
        cwd: root,
      },
    ).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(
        `graphql-codegen --check failed: the committed file is stale or codegen failed; run npm run codegen.\n${error.stdout}\n${error.stderr}`,
      );
    });
    expect(`${stdout}${stderr}`).not.toMatch(/stale/i);
    expect(readFileSync(GENERATED, 'utf8')).toBe(before);
  });
});
