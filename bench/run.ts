// `npm run bench [-- --quick] [-- --only=1,2]`: every scenario of issue 6 in one process, the
// contenders interleaved; prints Markdown tables and writes bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { OURS_MICRO, oursMicro } from './contenders/ours-micro.js';
import { createDataset } from './fixtures/dataset.js';
import { type CaseResult, measureCase } from './lib/harness.js';
import { ratiosTable, resultsTable, targetsTable } from './lib/report.js';
import {
  type BenchOptions,
  contenderMedian,
  pairMedian,
  type ScenarioOutput,
} from './lib/scenario.js';
import { checkAtMost, type TargetCheck } from './lib/stats.js';
import { executionScenarios } from './scenarios/e2e.js';
import { MICRO_CASES, microCase } from './scenarios/micro.js';
import { handWrittenOurs } from './scenarios/ours-handwritten.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const unknown = args.filter((a) => a !== '--quick' && !a.startsWith('--only='));
if (unknown.length > 0) {
  throw new Error(
    `bench/run.ts: unknown argument ${JSON.stringify(unknown[0])}; use --quick or --only=1,2,…`,
  );
}
if (typeof globalThis.gc !== 'function') {
  console.warn('bench: run node with --expose-gc (npm run bench does); heap figures need it.');
}

const options: BenchOptions = quick
  ? { quick, measure: { rounds: 5, sampleMs: 15, warmupMs: 60 }, memoryExecutions: 300 }
  : { quick, measure: { rounds: 15, sampleMs: 100, warmupMs: 400 }, memoryExecutions: 10_000 };

const wanted = (scenario: string) => only === undefined || only.has(scenario);

async function microScenario(): Promise<ScenarioOutput> {
  const cases: CaseResult[] = [];
  for (const c of MICRO_CASES) {
    cases.push(await measureCase(microCase(c, [oursMicro(c)]), options.measure));
  }
  const [miss, , cached] = cases as [CaseResult, CaseResult, CaseResult];
  const checks = [
    checkAtMost(
      '1',
      'cache-miss load, ours / DataLoader',
      pairMedian(miss, OURS_MICRO, 'DataLoader'),
      0.3,
      '×',
    ),
    checkAtMost('1', 'cached load, ours', contenderMedian(cached, OURS_MICRO), 40, ' ns'),
  ];
  return { cases, checks, notes: [] };
}

const started = performance.now();
const data = createDataset();
const outputs: ScenarioOutput[] = [];
if (wanted('1')) outputs.push(await microScenario());
if (wanted('2') || wanted('3') || wanted('4')) {
  outputs.push(await executionScenarios(data, handWrittenOurs, options, wanted));
}

const cases = outputs.flatMap((o) => o.cases);
const checks: TargetCheck[] = outputs.flatMap((o) => o.checks);
const notes = outputs.flatMap((o) => o.notes);

const gitCommit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  v8: process.versions.v8,
  platform: `${process.platform} ${process.arch}`,
};
const command = `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;

console.log(`\n## Results (${command}; ${machine.nproc} × ${machine.cpu}, Node ${machine.node})\n`);
console.log(resultsTable(cases));
console.log('\n## Ratios, pair by pair in the same rounds\n');
console.log(ratiosTable(cases));
if (checks.length > 0) console.log(`\n## Targets of issue 6\n\n${targetsTable(checks)}`);
if (notes.length > 0) console.log(`\n## Notes\n\n${notes.map((n) => `- ${n}`).join('\n')}`);
const seconds = (performance.now() - started) / 1000;
console.log(`\nbench: done in ${seconds.toFixed(1)} s`);

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/latest.json', import.meta.url),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      command,
      quick,
      gitCommit,
      machine,
      seconds,
      options,
      cases,
      checks,
      notes,
    },
    null,
    2,
  )}\n`,
);
