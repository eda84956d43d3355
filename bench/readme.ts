// `npm run bench:readme`: rewrites the generated blocks of README.md and bench/README.md from
// the committed results (bench/results/*.json). `--check` only compares, and fails on a
// difference (test/bench-readme.test.ts does the same in the suite).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/meta.js';
import { BLOCKS, fillBlocks, readResults } from './lib/readme.js';

const check = process.argv.includes('--check');
const results = readResults(join(repoRoot, 'bench/results'));
let stale = 0;
for (const [file, blocks] of Object.entries(BLOCKS)) {
  const path = join(repoRoot, file);
  const text = readFileSync(path, 'utf8');
  const filled = fillBlocks(file, text, blocks, results);
  if (filled === text) continue;
  if (check) {
    console.error(
      `${file}: generated figures differ from bench/results/; run npm run bench:readme`,
    );
    stale++;
  } else {
    writeFileSync(path, filled);
    console.log(`${file}: figures regenerated`);
  }
}
if (stale > 0) process.exitCode = 1;
