// The integration entries as a user loads them: by name, ESM and CommonJS, sharing the runtime
// entry's classes instead of bundling a second copy of the scheduler.
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const entries = ['server', 'envelop', 'opentelemetry', 'node', 'apollo'] as const;

describe('integration entries', () => {
  it.each(entries)('graphql-codegen-batch/%s loads as ESM and as CommonJS', async (entry) => {
    const esm = await import(`graphql-codegen-batch/${entry}`);
    const cjs = require(`graphql-codegen-batch/${entry}`);
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    expect(Object.keys(esm).length).toBeGreaterThan(0);
  });

  it.each(entries)('dist/%s imports the runtime by name and bundles none of it', (entry) => {
    for (const ext of ['js', 'cjs']) {
      const text = readFileSync(resolve(root, `dist/${entry}.${ext}`), 'utf8');
      expect(text).not.toContain('class Scheduler');
      expect(text).not.toContain('src/runtime/');
    }
  });

  it('only the node entry imports Node builtins (the others load on any runtime)', () => {
    for (const entry of entries) {
      const text = readFileSync(resolve(root, `dist/${entry}.js`), 'utf8');
      const builtins = [...text.matchAll(/from ['"]([^'"]+)['"]/g)]
        .map((m) => (m[1] as string).replace(/^node:/, ''))
        .filter((spec) => builtinModules.includes(spec));
      expect([entry, builtins]).toEqual([entry, entry === 'node' ? ['async_hooks'] : []]);
    }
  });

  it('useDataloader puts a Dataloader of the runtime entry on the context (one class, not two)', async () => {
    const { useDataloader } = await import('graphql-codegen-batch/envelop');
    const { Dataloader } = await import('graphql-codegen-batch/runtime');
    const plugin = useDataloader();
    const context: Record<string, unknown> = {};
    await plugin.onExecute?.({
      args: { contextValue: context } as never,
      context,
      extendContext: (extension: object) => Object.assign(context, extension),
    } as never);
    expect(context.dataloader).toBeInstanceOf(Dataloader);
  });
});

describe('graphql-codegen-batch/apollo', () => {
  it('imports nothing but the runtime entry at run time (@apollo/server only for types)', () => {
    for (const [ext, pattern] of [
      ['js', /from ['"]([^'"]+)['"]/g],
      ['cjs', /require\(['"]([^'"]+)['"]\)/g],
    ] as const) {
      const text = readFileSync(resolve(root, `dist/apollo.${ext}`), 'utf8');
      expect([ext, [...text.matchAll(pattern)].map((m) => m[1])]).toEqual([
        ext,
        ['graphql-codegen-batch/runtime'],
      ]);
    }
  });
});
