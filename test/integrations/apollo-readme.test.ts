// README "Apollo Server 5" quotes test/integrations/apollo.test.ts: its TypeScript block piece by
// piece, its mutation, and the figures that test asserts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const recipe = readFileSync(new URL('./apollo.test.ts', import.meta.url), 'utf8');

describe('README "Apollo Server 5"', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('\n### Apollo Server 5 (');
  const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
  const blocks = [...section.matchAll(/```([a-z]*)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1],
    body: m[2] as string,
  }));

  it('quotes apollo.test.ts verbatim, piece by piece between `// …` elisions', () => {
    const quoted = blocks.filter((b) => b.body.startsWith('// test/integrations/apollo.test.ts\n'));
    expect(quoted).toHaveLength(1);
    const pieces = (quoted[0]?.body ?? '')
      .split('\n')
      .slice(1)
      .join('\n')
      .split(/^\/\/ …\n/m)
      .map((piece) => piece.replace(/\n+$/, ''));
    expect(pieces).toHaveLength(4);
    for (const piece of pieces) expect(recipe).toContain(piece);
  });

  it('shows the mutation this file sends, and the figures it answers', () => {
    const mutation = recipe.match(/const TWO_DEPOSITS = `([^`]*)`;/)?.[1];
    expect(mutation).toContain('mutation {');
    expect(blocks.find((b) => b.lang === 'graphql')?.body).toBe(`${mutation}\n`);
    for (const figure of ['second: { balance: 3290 }', 'second: { balance: 2375 }']) {
      expect(section).toContain(`answers \`${figure}\``);
      expect(recipe).toContain(figure);
    }
    expect(section).toContain(
      'requires graphql 16 (`@apollo/server@5` declares `peer graphql@"^16.11.0"`)',
    );
  });
});
