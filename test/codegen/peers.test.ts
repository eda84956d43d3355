// The codegen side's packages are optional peers: importing the plugin loads none of them, the
// first codegen run loads the helpers (and ts-morph only when mapper checks run), and a missing
// one fails the run with one message naming the install command. Runs the build (dist/) in child
// processes, so what is loaded is Node's own module cache, not vitest's.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INSTALL =
  'npm install -D @graphql-codegen/cli@^7 @graphql-codegen/typescript@^6 @graphql-codegen/typescript-resolvers@^6 @graphql-codegen/plugin-helpers@^7 @graphql-codegen/visitor-plugin-common@^7 ts-morph@^28 typescript @parcel/watcher@^2';
const CODEGEN_SIDE = /^(ts-morph|@ts-morph\/.*|@graphql-codegen\/.*)$/;

/** Package names in Node's CommonJS module cache after running `code` (CJS-only ts-morph lands there either way). */
function loadedPackages(args: string[], code: string, cwd = root): string[] {
  const out = execFileSync(process.execPath, [...args, '-e', code], { cwd, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}
const report =
  'console.log(JSON.stringify([...new Set(Object.keys(cache).map((p) => p.replaceAll("\\\\", "/").match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//)?.[1]).filter(Boolean))].sort()))';

describe('importing the plugin', () => {
  it('as ESM loads no codegen-side package (no ts-morph)', () => {
    const loaded = loadedPackages(
      ['--input-type=module'],
      `import { createRequire } from 'node:module'; const { cache } = createRequire(import.meta.url); await import('graphql-codegen-batch'); ${report}`,
    );
    expect(loaded.filter((name) => CODEGEN_SIDE.test(name))).toEqual([]);
  });

  it('as CommonJS loads no codegen-side package', () => {
    const loaded = loadedPackages(
      [],
      `const { cache } = require; require('graphql-codegen-batch'); ${report}`,
    );
    expect(loaded.filter((name) => CODEGEN_SIDE.test(name))).toEqual([]);
  });

  it('loads ts-morph when a codegen run checks mappers', () => {
    const loaded = loadedPackages(
      ['--input-type=module'],
      `import { createRequire } from 'node:module'; const { cache } = createRequire(import.meta.url);
       const { buildSchema } = await import('graphql'); const { addToSchema, plugin } = await import('graphql-codegen-batch');
       await plugin(buildSchema(addToSchema + ${JSON.stringify(SDL)}), [], { mappers: { Post: '../models.js#PostRow' } }, { outputFile: ${JSON.stringify(join(root, 'fixtures/journey-esm/generated/graphql.ts'))} }).catch((e) => { console.error(e.message); process.exit(1); });
       ${report}`,
    );
    expect(loaded).toContain('ts-morph');
  });
});

const SDL = `
type User { id: ID! }
type Post { id: ID! authorId: ID! author: User! @batch(source: "User", key: "authorId") }
type Query { post: Post }
`;

describe('a project without the codegen-side packages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcb-peers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const modules = join(dir, 'node_modules');
  const self = join(modules, 'graphql-codegen-batch');
  mkdirSync(self, { recursive: true });
  cpSync(join(root, 'package.json'), join(self, 'package.json'));
  cpSync(join(root, 'dist'), join(self, 'dist'), { recursive: true });
  symlinkSync(join(root, 'node_modules/graphql'), join(modules, 'graphql'), 'dir');
  writeFileSync(
    join(dir, 'models.ts'),
    'export interface PostRow { id: string; authorId: string }\n',
  );

  /** Runs the plugin in `dir` as ESM or CommonJS; prints the output's length or the error message. */
  function run(format: 'esm' | 'cjs', config: object): string {
    const body = `const schema = buildSchema(addToSchema + ${JSON.stringify(SDL)});
      plugin(schema, [], ${JSON.stringify(config)}, { outputFile: ${JSON.stringify(join(dir, 'graphql.ts'))} })
        .then((out) => console.log('generated: ' + out.content.includes('class UserSource')), (e) => console.log(e.message));`;
    const code =
      format === 'esm'
        ? `import { buildSchema } from 'graphql'; import { addToSchema, plugin } from 'graphql-codegen-batch'; ${body}`
        : `const { buildSchema } = require('graphql'); const { addToSchema, plugin } = require('graphql-codegen-batch'); ${body}`;
    const args = format === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
    return execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' }).trim();
  }

  it('imports the plugin; a codegen run names both missing helpers and the install command', () => {
    const message = `graphql-codegen-batch: the codegen plugin needs @graphql-codegen/plugin-helpers and @graphql-codegen/visitor-plugin-common, which are not installed. These are optional peer dependencies (a production install of the runtime needs none of them). Install the codegen side as dev dependencies: ${INSTALL}`;
    expect(run('esm', {})).toBe(message);
    expect(run('cjs', {})).toBe(message);
  });

  it('with the helpers but no ts-morph: generates with validateMappers off, names ts-morph when mapper checks run', () => {
    for (const name of ['plugin-helpers', 'visitor-plugin-common']) {
      mkdirSync(join(modules, '@graphql-codegen'), { recursive: true });
      symlinkSync(
        join(root, 'node_modules/@graphql-codegen', name),
        join(modules, '@graphql-codegen', name),
        'dir',
      );
    }
    const mappers = { mappers: { Post: './models.js#PostRow' } };
    expect(run('esm', { ...mappers, validateMappers: false })).toBe('generated: true');
    const message = `graphql-codegen-batch: the codegen plugin needs ts-morph, which is not installed. These are optional peer dependencies (a production install of the runtime needs none of them). Install the codegen side as dev dependencies: ${INSTALL}`;
    expect(run('esm', mappers)).toBe(message);
    expect(run('cjs', mappers)).toBe(message);
  });
});
