// Every TypeScript block of the README compiles under the repository's strict tsconfig, against
// the package's built types (dist/, through its own exports, as a user's app imports it):
// - a block whose first line names a file (`// examples/blog/src/sources.ts`) is an excerpt: each
//   piece between `// …` elisions must be in that file verbatim, and the file must compile;
// - any other block is compiled as a module of its own, in .tmp/readme-ts/, where the names a
//   snippet takes from "your app" (a `db`, the row types, the example's Sources, a `schema`…)
//   are declared by ENV below, typed as the example app types them. Everything the snippet uses
//   from the package it must import itself. A new snippet that needs another name of the app
//   (a `server`, a `typeDefs`): declare it in ENV, typed as a real app would have it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from './support/blog.js';

/** The app a standalone snippet lives in: the example blog's types, and a few values. */
const ENV = `import type { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLSchema } from 'graphql';
import type { Dataloader } from 'graphql-codegen-batch/runtime';
import type * as Blog from '../../examples/blog/src/sources.js';

declare global {
  type UserRow = import('../../examples/blog/src/models.js').UserRow;
  type PostRow = import('../../examples/blog/src/models.js').PostRow;
  type CommentRow = import('../../examples/blog/src/models.js').CommentRow;
  type TagRow = import('../../examples/blog/src/models.js').TagRow;
  type Context = import('../../examples/blog/src/context.js').Context;
  type Db = import('../../examples/blog/src/db.js').Db;
  type Resolvers<C = Context> = import('../../examples/blog/src/generated/graphql.js').Resolvers<C>;
  /** The example's database handle: one method, query(sql, params) → rows. */
  const db: import('../../examples/blog/src/db.js').Db;
  const Users: typeof Blog.Users;
  const Posts: typeof Blog.Posts;
  const Tags: typeof Blog.Tags;
  const dataloader: Dataloader;
  const schema: GraphQLSchema;
  /** A post's id, as Query.post(id:) receives it. */
  const id: string;
  interface Connection {
    release(): void;
  }
  const pool: { lease(): Connection };
  const connectionStorage: AsyncLocalStorage<Connection>;
}
`;

interface Block {
  /** 1-based line of the block's first code line in README.md. */
  readonly line: number;
  readonly code: string;
  /** The file the block quotes, from its first line, or undefined for a standalone snippet. */
  readonly quotes: string | undefined;
}

function typescriptBlocks(readme: string): Block[] {
  const blocks: Block[] = [];
  for (const match of readme.matchAll(/^```(ts|typescript)\n([\s\S]*?)^```$/gm)) {
    const code = match[2] as string;
    const line = readme.slice(0, match.index).split('\n').length + 1;
    const marker = code.split('\n', 1)[0]?.match(/^\/\/ ([\w./-]+\.(?:ts|mts|cts|tsx))$/);
    blocks.push({ line, code, quotes: marker?.[1] });
  }
  return blocks;
}

const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const blocks = typescriptBlocks(readme);
const dir = resolve(root, '.tmp/readme-ts');
const fileOf = (block: Block) =>
  block.quotes === undefined ? resolve(dir, `line-${block.line}.ts`) : resolve(root, block.quotes);

/** One program for every block: the diagnostics of each file, as `README.md:line` strings. */
function compile(): Map<string, string[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'env.ts'), ENV);
  for (const block of blocks) {
    // `export {}`: a module even when the snippet imports nothing (top-level await, own scope).
    if (block.quotes === undefined) writeFileSync(fileOf(block), `${block.code}export {};\n`);
  }
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const files = [resolve(dir, 'env.ts'), ...new Set(blocks.map(fileOf))];
  const program = ts.createProgram(files, config.options);
  const byFile = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const key = d.file?.fileName === undefined ? undefined : resolve(d.file.fileName);
    const list = key === undefined ? undefined : byFile.get(key);
    if (d.file === undefined || d.start === undefined || list === undefined) {
      // A diagnostic about a file none of the blocks is (a dependency): report it with the env.
      byFile
        .get(resolve(dir, 'env.ts'))
        ?.push(`${d.file?.fileName ?? 'global'}: TS${d.code} ${text}`);
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    list.push(`line ${line + 1}: TS${d.code} ${text}`);
  }
  return byFile;
}

describe('README TypeScript blocks', () => {
  const diagnostics = compile();

  it('has blocks of both kinds, and the app environment compiles', () => {
    expect(blocks.filter((b) => b.quotes !== undefined).length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.quotes === undefined).length).toBeGreaterThan(0);
    expect(diagnostics.get(resolve(dir, 'env.ts'))).toEqual([]);
  });

  it.each(
    blocks.map((b) => [`README.md:${b.line}${b.quotes ? ` (${b.quotes})` : ''}`, b] as const),
  )('block at %s compiles', (_name, block) => {
    const file = fileOf(block);
    if (block.quotes !== undefined) {
      const text = readFileSync(file, 'utf8');
      const pieces = block.code
        .split('\n')
        .slice(1)
        .join('\n')
        .split(/^\s*\/\/ …\n/m)
        .map((piece) => piece.replace(/^\n+|\n+$/g, ''))
        .filter((piece) => piece !== '');
      for (const piece of pieces)
        expect(text, `a piece of README.md:${block.line}`).toContain(piece);
      expect(diagnostics.get(file), block.quotes).toEqual([]);
      return;
    }
    // Line numbers of the snippet's own file are README line numbers minus this offset.
    const readmeLines = (diagnostics.get(file) ?? ['not compiled']).map((d) =>
      d.replace(/^line (\d+):/, (_m, n: string) => `README.md:${Number(n) + block.line - 1}:`),
    );
    expect(readmeLines).toEqual([]);
  });
});
