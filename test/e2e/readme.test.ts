// The README's quick start quotes the example's real files: each fenced block that starts with
// a path comment (`// examples/blog/src/sources.ts`, `# codegen.yml`) must appear in that file
// verbatim, piece by piece between `// …` elisions, so the README cannot drift from the code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/blog.js';

interface Quote {
  readonly path: string;
  readonly pieces: readonly string[];
}

function quickStartQuotes(readme: string): Quote[] {
  const start = readme.indexOf('\n## Quick start\n');
  if (start < 0) throw new Error('README.md has no "## Quick start" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const quotes: Quote[] = [];
  for (const [, body] of section.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const [first = '', ...rest] = (body as string).split('\n');
    const marker = first.match(/^(?:\/\/|#) ((?:examples\/|codegen\.yml)\S*)$/);
    if (!marker) continue;
    const pieces = rest
      .join('\n')
      .split(/^\s*(?:\/\/|#) …\n/m)
      .map((piece) => piece.replace(/^\n+|\n+$/g, ''))
      .filter((piece) => piece !== '');
    quotes.push({ path: marker[1] as string, pieces });
  }
  return quotes;
}

describe('README quick start', () => {
  const quotes = quickStartQuotes(readFileSync(resolve(root, 'README.md'), 'utf8'));

  it('quotes schema, codegen.yml, generated code, Sources, SQL and server', () => {
    expect([...new Set(quotes.map((q) => q.path))].sort()).toEqual([
      'codegen.yml',
      'examples/blog/schema.graphql',
      'examples/blog/src/app.ts',
      'examples/blog/src/generated/graphql.ts',
      'examples/blog/src/queries.ts',
      'examples/blog/src/resolvers.ts',
      'examples/blog/src/sources.ts',
    ]);
  });

  it.each(quotes.map((q, i) => [`${i + 1}. ${q.path}`, q] as const))(
    'block %s is in the file, verbatim',
    (_name, quote) => {
      const text = readFileSync(resolve(root, quote.path), 'utf8');
      for (const piece of quote.pieces) expect(text).toContain(piece);
    },
  );
});

/** Every fenced block of the README whose first line names a fixture file (`# fixtures/…`). */
function fixtureQuotes(readme: string): Quote[] {
  const quotes: Quote[] = [];
  for (const [, body] of readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const [first = '', ...rest] = (body as string).split('\n');
    const marker = first.match(/^(?:\/\/|#) (fixtures\/\S+)$/);
    if (!marker) continue;
    const pieces = rest
      .join('\n')
      .split(/^\s*(?:\/\/|#) …\n/m)
      .map((piece) => piece.replace(/^\n+|\n+$/g, ''))
      .filter((piece) => piece !== '');
    quotes.push({ path: marker[1] as string, pieces });
  }
  return quotes;
}

describe('README quotes of fixtures', () => {
  const quotes = fixtureQuotes(readFileSync(resolve(root, 'README.md'), 'utf8'));

  it('has some (the key forms quote fixtures/keys)', () => {
    expect(quotes.map((q) => q.path)).toContain('fixtures/keys/schema.graphql');
  });

  it.each(quotes.map((q, i) => [`${i + 1}. ${q.path}`, q] as const))(
    'block %s is in the file, verbatim',
    (_name, quote) => {
      const text = readFileSync(resolve(root, quote.path), 'utf8');
      for (const piece of quote.pieces) expect(text).toContain(piece);
    },
  );
});
