// The package as a user meets it: imported by name through its `exports`, from the build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

describe('package exports', () => {
  it('resolves both entries to the build, for import and require', () => {
    // Resolved by Node itself (vitest rewrites import.meta), as a user's ESM code would.
    const esm = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "console.log(import.meta.resolve('graphql-codegen-batch'));console.log(import.meta.resolve('graphql-codegen-batch/runtime'))",
      ],
      { cwd: root, encoding: 'utf8' },
    ).split('\n');
    expect(esm[0]).toMatch(/\/dist\/index\.js$/);
    expect(esm[1]).toMatch(/\/dist\/runtime\.js$/);
    expect(require.resolve('graphql-codegen-batch')).toMatch(/\/dist\/index\.cjs$/);
    expect(require.resolve('graphql-codegen-batch/runtime')).toMatch(/\/dist\/runtime\.cjs$/);
  });

  it('loads the plugin entry and the runtime entry by name, as ESM and as CommonJS', async () => {
    const plugin = await import('graphql-codegen-batch');
    const runtime = await import('graphql-codegen-batch/runtime');
    expect(plugin.addToSchema).toBe(runtime.batchDirectiveSDL);
    const cjsRuntime = require('graphql-codegen-batch/runtime');
    expect(cjsRuntime.orderByKeys([1], [{ id: 1 }], (r: { id: number }) => r.id)).toEqual([
      { id: 1 },
    ]);
    expect(require('graphql-codegen-batch').addToSchema).toBe(plugin.addToSchema);
  });

  it('runtime bundle requires nothing (zero dependencies, no graphql)', () => {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `const M=require('node:module');const o=M._load;const seen=[];M._load=function(r,...a){seen.push(r);return o.call(this,r,...a)};require(${JSON.stringify(resolve(root, 'dist/runtime.cjs'))});console.log(JSON.stringify(seen.slice(1)))`,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual([]);
  });

  it('the runtime declarations hold no scheduler internals (errors name the public classes)', () => {
    for (const file of ['dist/runtime.d.ts', 'dist/runtime.d.cts']) {
      const text = readFileSync(resolve(root, file), 'utf8');
      const internals = text.match(
        /\b(?:Scheduler|Batch|Slot|Run|JobTask|_cache|_open|_scheduler|_stats|pendingSlot|sourcesByParams|isParallel|concurrency)\b|\bresult\(\)|\b(?:private|protected) /g,
      );
      expect([file, internals]).toEqual([file, null]);
      expect(text).toContain('declare abstract class Source<K, V, P = undefined, C = unknown> {');
      expect(text).toContain('declare class Dataloader {');
    }
  });

  it('npm pack ships only dist, README, package.json', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
    });
    const [info] = JSON.parse(out) as [{ files: { path: string }[] }];
    const outside = info.files
      .map((f) => f.path)
      .filter((p) => !p.startsWith('dist/') && p !== 'README.md' && p !== 'package.json');
    expect(outside).toEqual([]);
    const paths = info.files.map((f) => f.path);
    expect(paths).toContain('dist/runtime.js');
    expect(paths).toContain('dist/runtime.cjs');
    expect(paths).toContain('dist/runtime.d.ts');
    expect(paths).toContain('dist/index.d.cts');
  });
});
