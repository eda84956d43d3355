import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImportDirection } from './support/imports.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('dependency direction (README: Layout)', () => {
  it('holds for this repository', () => {
    expect(checkImportDirection(root)).toEqual([]);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'gcb-arch-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  };

  it('reports each forbidden import with its file and rule', () => {
    write('src/runtime/ok.ts', "import { x } from './util/x.js';\nexport { x };\n");
    write('src/runtime/util/x.ts', 'export const x = 1;\n');
    write('src/runtime/bad.ts', "import { parse } from 'graphql';\nexport const p = parse;\n");
    write('src/runtime/up.ts', "export * from '../codegen/plan.js';\n");
    write('src/runtime/lazy.ts', "export const m = () => import('node:fs');\n");
    write('src/codegen/plan.ts', "import type { Source } from '../runtime/source.js';\n");
    write('templates/t.ts', "import { Dataloader } from 'graphql-codegen-batch/runtime';\n");
    expect(checkImportDirection(scratch)).toEqual([
      {
        file: 'src/runtime/bad.ts',
        specifier: 'graphql',
        rule: 'src/runtime imports nothing outside itself (no packages)',
      },
      {
        file: 'src/runtime/lazy.ts',
        specifier: 'node:fs',
        rule: 'src/runtime imports nothing outside itself (no packages)',
      },
      {
        file: 'src/runtime/up.ts',
        specifier: '../codegen/plan.js',
        rule: 'src/runtime imports nothing outside itself',
      },
      {
        file: 'src/codegen/plan.ts',
        specifier: '../runtime/source.js',
        rule: 'the codegen never imports the runtime',
      },
      {
        file: 'templates/t.ts',
        specifier: 'graphql-codegen-batch/runtime',
        rule: 'the codegen never imports the runtime',
      },
    ]);
  });
});
