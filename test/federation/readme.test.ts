// README "Apollo Federation subgraphs" quotes the federation fixtures and test/federation: each
// block that names a file is in it verbatim, piece by piece between `// …` / `# …` elisions;
// the query is the one the test sends, and the figures are the lines it asserts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README "Apollo Federation subgraphs"', () => {
  const readme = read('README.md');
  const start = readme.indexOf('\n### Apollo Federation subgraphs (');
  const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
  const blocks = [...section.matchAll(/```([a-z]*)\n([\s\S]*?)```/g)].map((m) => m[2] as string);
  const test = read('test/federation/federation.test.ts');

  it('quotes the schema, the generated code and the subgraph verbatim', () => {
    const quoted = blocks.flatMap((body) => {
      const marker = /^(?:\/\/|#) ((?:fixtures|test)\/\S+)\n/.exec(body);
      return marker ? [{ path: marker[1] as string, body: body.slice(marker[0].length) }] : [];
    });
    expect(quoted.map((q) => q.path)).toEqual([
      'fixtures/federation-people/schema.graphql',
      'fixtures/federation-people/generated/graphql.ts',
      'test/federation/subgraphs.ts',
    ]);
    for (const { path, body } of quoted) {
      const text = read(path);
      const pieces = body.split(/^\s*(?:\/\/|#) …\n/m).map((p) => p.replace(/\n+$/, ''));
      for (const piece of pieces) expect(text, path).toContain(piece);
    }
  });

  it('shows the query the test sends, and the requests it asserts', () => {
    const query = test.match(/const CROSSING = `([^`]*)`;/)?.[1];
    expect(query).toContain('posts(first: 5)');
    expect(blocks).toContain(`${query}\n`);
    for (const line of [
      '_entities(User ×5) → User [u1, u2, u3]',
      '_entities(Team ×5) → Team [t1, t2]',
      '_entities(User ×4) → User [u1, u2]',
      '_entities(Post ×4) → Post [p4, p2]',
    ]) {
      expect(section).toContain(`\`${line}\``);
      expect(test).toContain(`'${line}'`);
    }
  });
});
