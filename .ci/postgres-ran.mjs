// Fails CI when the example's PostgreSQL tests did not all run and pass: a DATABASE_URL that
// never reached vitest would otherwise show up only as a few more skipped tests.
// Usage: node .ci/postgres-ran.mjs .tmp/vitest.json
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.tmp/vitest.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const leg = report.testResults
  .flatMap((suite) => suite.assertionResults)
  .filter((test) => test.ancestorTitles[0] === 'blog on PostgreSQL (DATABASE_URL)');
const counts = {};
for (const test of leg) counts[test.status] = (counts[test.status] ?? 0) + 1;
const summary =
  Object.entries(counts)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ') || 'none';
if (leg.length === 0 || leg.some((test) => test.status !== 'passed')) {
  console.error(
    `postgres: the 'blog on PostgreSQL' tests in ${file}: ${summary}; expected all passed`,
  );
  process.exit(1);
}
console.log(`postgres: blog on PostgreSQL: ${summary}`);
