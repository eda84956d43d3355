// The fixture harness: each folder of fixtures/ is a small codegen project (schema.graphql or
// schema.json, codegen.json with a `generates` map, model/context/usage modules). It runs the
// real @graphql-codegen/cli `generate` with the plugin loaded by package name (dist/), and
// compares with the goldens: the files under generated/, or expected-errors.txt.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = join(root, 'fixtures');
export const ERRORS_FILE = 'expected-errors.txt';

export type FixtureResult =
  | { readonly kind: 'output'; readonly files: ReadonlyMap<string, string> }
  | { readonly kind: 'errors'; readonly text: string };

interface FixtureConfig {
  readonly schema?: string;
  readonly generates: Record<string, Types.ConfiguredOutput>;
}

export function listFixtures(): string[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(fixturesDir, e.name, 'codegen.json')))
    .map((e) => e.name)
    .sort();
}

function readConfig(name: string): FixtureConfig {
  return JSON.parse(readFileSync(join(fixturesDir, name, 'codegen.json'), 'utf8')) as FixtureConfig;
}

/** The problem lines of a codegen failure, without the CLI's wrapping (stable across runs). */
export function problemLines(error: unknown): string {
  const text = error instanceof Error ? collectMessages(error) : String(error);
  const lines = text.split('\n').filter((l) => l.startsWith('  ') && /\S/.test(l));
  const unique = [...new Set(lines.map((l) => l.trim()))];
  if (unique.length === 0) throw error;
  return `${unique.join('\n')}\n`;
}

function collectMessages(error: Error): string {
  const nested = (error as Error & { errors?: unknown[] }).errors ?? [];
  return [error.message, ...nested.map((e) => (e instanceof Error ? collectMessages(e) : ''))].join(
    '\n',
  );
}

/** Runs codegen on a fixture in memory (nothing written). */
export async function runFixture(
  name: string,
  pluginContext?: Record<string, unknown>,
): Promise<FixtureResult> {
  const dir = join(fixturesDir, name);
  const config = readConfig(name);
  const generates: Record<string, Types.ConfiguredOutput> = {};
  for (const [file, output] of Object.entries(config.generates))
    generates[join(dir, file)] = output;
  try {
    const outputs = await generate(
      {
        cwd: dir,
        schema: join(dir, config.schema ?? 'schema.graphql'),
        generates,
        silent: true,
        ...(pluginContext ? { pluginContext } : {}),
      } as Types.Config & { cwd: string },
      false,
    );
    const files = new Map<string, string>();
    for (const out of outputs as Types.FileOutput[])
      files.set(relative(dir, out.filename), out.content);
    return { kind: 'output', files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))) };
  } catch (error) {
    return { kind: 'errors', text: problemLines(error) };
  }
}

export function readExpected(name: string): FixtureResult {
  const dir = join(fixturesDir, name);
  if (existsSync(join(dir, ERRORS_FILE))) {
    return { kind: 'errors', text: readFileSync(join(dir, ERRORS_FILE), 'utf8') };
  }
  const files = new Map<string, string>();
  for (const file of Object.keys(readConfig(name).generates).sort()) {
    const path = join(dir, file);
    files.set(file, existsSync(path) ? readFileSync(path, 'utf8') : '<missing golden file>');
  }
  return { kind: 'output', files };
}

/** Rewrites a fixture's goldens from a fresh run. */
export async function updateFixture(name: string): Promise<FixtureResult['kind']> {
  const dir = join(fixturesDir, name);
  const result = await runFixture(name);
  rmSync(join(dir, ERRORS_FILE), { force: true });
  rmSync(join(dir, 'generated'), { recursive: true, force: true });
  if (result.kind === 'errors') {
    writeFileSync(join(dir, ERRORS_FILE), result.text);
  } else {
    for (const [file, content] of result.files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
  }
  return result.kind;
}
