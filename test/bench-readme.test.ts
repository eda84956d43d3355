// The figures of README.md and bench/README.md come from the committed results files only:
// each generated block must be exactly what bench/lib/readme.ts renders from bench/results/
// (`npm run bench:readme` rewrites them), so no figure can be typed by hand or go stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../bench/lib/meta.js';
import { BLOCKS, fillBlocks, readResults } from '../bench/lib/readme.js';

const results = readResults(join(repoRoot, 'bench/results'));

describe('README figures', () => {
  it.each(Object.entries(BLOCKS))(
    '%s: every generated block matches bench/results/',
    (file, blocks) => {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      expect(fillBlocks(file, text, blocks, results)).toBe(text);
    },
  );

  it('a figure typed into a block is replaced by the rendered one', () => {
    const text = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const open = '<!-- bench:speed -->\n';
    const at = text.indexOf(open) + open.length;
    const edited = `${text.slice(0, at)}| typed by hand | 0.01× |\n${text.slice(at)}`;
    expect(fillBlocks('README.md', edited, BLOCKS['README.md'], results)).toBe(text);
  });

  it('names the file and the block when a marker is missing', () => {
    expect(() => fillBlocks('README.md', 'no markers', BLOCKS['README.md'], results)).toThrow(
      'README.md: no generated block "speed" (<!-- bench:speed --> … <!-- /bench:speed -->)',
    );
  });

  it('every results file names the commit it measured', () => {
    const files = [...results.scenarios, ...(results.loadCompare ? [results.loadCompare] : [])];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.gitCommit).toMatch(/^[0-9a-f]{7,}$/);
    }
  });
});
