// The consumer app (test/consumer) as someone else's project: the packed tarball installed in a
// temp directory, then the app's own scripts: codegen, strict typecheck, build, and the check
// that serves it under graphql-yoga and Apollo Server 5 and compares every response exactly.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const app = join(root, 'test/consumer');
const work = mkdtempSync(join(tmpdir(), 'consumer-install-'));

/** The install commands a user runs; `<tarball>` is the packed package. */
const install = [
  'npm install <tarball> graphql@^16',
  'npm install -D @graphql-codegen/cli @graphql-codegen/typescript @graphql-codegen/typescript-resolvers @graphql-codegen/plugin-helpers @graphql-codegen/visitor-plugin-common ts-morph typescript',
];

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the consumer app, installed from the packed tarball', () => {
  it('generates, type-checks strictly, builds and passes its check under both servers', () => {
    run('npm', ['pack', '--pack-destination', work, '--ignore-scripts'], root);
    const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) as string);
    const project = join(work, 'app');
    cpSync(app, project, {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|dist|generated)$/.test(source),
    });
    for (const line of install) {
      const [command, ...args] = line.replace('<tarball>', tarball).split(' ');
      run(command as string, [...args, '--no-audit', '--no-fund'], project);
    }
    run('npm', ['install', '--no-audit', '--no-fund'], project);
    for (const script of ['codegen', 'typecheck', 'build']) run('npm', ['run', script], project);
    const output = run('npm', ['run', '--silent', 'check'], project);
    expect(output.trimEnd().split('\n').at(-1)).toBe('consumer check: 18 passed, 0 failed');
  }, 600_000);
});
