// Golden fixtures: codegen output (or the exact errors) of every case in fixtures/, byte for
// byte, then a strict tsc of every output with its models and usage module. Regenerate the
// goldens with `npm run fixtures:update` (needs `npm run build`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, listFixtures, readExpected, runFixture } from './support/fixtures.js';
import { typeCheck, withoutExpectErrors } from './support/typecheck.js';

const fixtures = listFixtures();

describe('fixtures', () => {
  it('has at least 12 cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });

  it.each(fixtures)('%s: output matches the golden files', async (name) => {
    const expected = readExpected(name);
    const actual = await runFixture(name);
    if (expected.kind === 'errors') {
      expect(
        actual.kind === 'errors' ? actual.text : `no errors; files: ${[...actual.files.keys()]}`,
      ).toBe(expected.text);
      return;
    }
    expect(actual.kind === 'output' ? [...actual.files.keys()] : actual.text).toEqual([
      ...expected.files.keys(),
    ]);
    if (actual.kind !== 'output') return;
    for (const [file, content] of expected.files)
      expect(actual.files.get(file), file).toBe(content);
  });
});

/** Every .ts file of the output fixtures: goldens, models, contexts, usage modules. */
function tsFilesOfOutputFixtures(): string[] {
  const files: string[] = [];
  for (const name of fixtures) {
    const expected = readExpected(name);
    if (expected.kind !== 'output') continue;
    const dir = join(fixturesDir, name);
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.ts')) files.push(join(dir, file));
    }
  }
  return files.sort();
}

describe('type-check of the golden outputs (tsc strict)', () => {
  const files = tsFilesOfOutputFixtures();

  it('compiles every golden with typescript + typescript-resolvers, the runtime, models and usage', () => {
    expect(files.filter((f) => f.includes('/generated/')).length).toBeGreaterThan(0);
    expect(typeCheck(files)).toEqual([]);
  });

  it('each @ts-expect-error in a usage module marks a real error on its next line', () => {
    const diagnostics = typeCheck(files, undefined, withoutExpectErrors());
    const expectations: string[] = [];
    const found: string[] = [];
    for (const file of files.filter((f) => f.endsWith('usage.ts'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const reason = /^\s*\/\/ @ts-expect-error (.*)$/.exec(line)?.[1];
          if (!reason) return;
          expectations.push(`${file}:${i + 2} ${reason}`);
          if (diagnostics.some((d) => d.file === file && d.line === i + 2))
            found.push(`${file}:${i + 2} ${reason}`);
        });
    }
    expect(expectations.length).toBeGreaterThanOrEqual(4);
    expect(found).toEqual(expectations);
    // Nothing else fails once the directives are gone: the errors are exactly the expected ones.
    const unexpected = diagnostics.filter(
      (d) => !expectations.some((e) => e.startsWith(`${d.file}:${d.line} `)),
    );
    expect(unexpected).toEqual([]);
  });

  it('a wrong class in `sources`: the error names the classes and fetch, not runtime internals', () => {
    const usage = join(fixturesDir, 'journey', 'usage.ts');
    const line =
      readFileSync(usage, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('createBatchResolvers({ User: Tags,')) + 1;
    const diagnostics = typeCheck(files, undefined, withoutExpectErrors()).filter(
      (d) => d.file === usage && d.line === line,
    );
    expect(diagnostics).toHaveLength(1);
    const message = diagnostics[0]?.message ?? '';
    const lines = message.split('\n').map((l) => l.trim());
    expect(lines.slice(2, 4)).toEqual([
      "Construct signature return types 'Tags' and 'UserSource' are incompatible.",
      "The types returned by 'fetch(...)' are incompatible between these types.",
    ]);
    expect(message).not.toMatch(/_cache|Slot|Scheduler|Batch\b/);
  });
});
