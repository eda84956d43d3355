// The bench (`npm run bench [-- --quick] [-- --only=1,2]`, entered through run.ts): every
// scenario in one process, the contenders interleaved; prints Markdown tables and
// writes bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { OURS_MICRO, oursMicro } from './contenders/ours-micro.js';
import { createDataset } from './fixtures/dataset.js';
import { runCodegen } from './lib/codegen-cli.js';
import { type CaseResult, measureCase } from './lib/harness.js';
import { ratiosTable, resultsTable, targetsTable } from './lib/report.js';
import {
  type BenchOptions,
  contenderMedian,
  pairMedian,
  type ScenarioOutput,
} from './lib/scenario.js';
import { checkAtMost, type TargetCheck } from './lib/stats.js';
import { codegenScenario } from './scenarios/codegen.js';
import { executionScenarios } from './scenarios/e2e.js';
import { memoryScenario } from './scenarios/memory.js';
import { MICRO_CASES, microCase } from './scenarios/micro.js';
import { IDEAL_MS, MODE_ASYNC, modesCase } from './scenarios/modes.js';

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
  throw new Error('bench/run.ts: run node with --expose-gc (npm run bench does).');
}

const options: BenchOptions = quick
  ? { quick, measure: { rounds: 4, sampleMs: 10, warmupMs: 40 }, memoryExecutions: 100 }
  : { quick, measure: { rounds: 15, sampleMs: 100, warmupMs: 400 }, memoryExecutions: 10_000 };

const wanted = (scenario: string) => only === undefined || only.has(scenario);
const root = fileURLToPath(new URL('..', import.meta.url));

async function microScenario(): Promise<ScenarioOutput> {
  const cases: CaseResult[] = [];
  for (const c of MICRO_CASES) {
    cases.push(await measureCase(microCase(c, [oursMicro(c)]), options.measure));
  }
  const [miss, , cached, chain] = cases as [CaseResult, CaseResult, CaseResult, CaseResult];
  const checks = [
    checkAtMost(
      '1',
      'dependent chain 10 × 1000, ours / DataLoader',
      pairMedian(chain, OURS_MICRO, 'DataLoader'),
      0.8,
      '×',
    ),
    checkAtMost(
      '1',
      '10,000 distinct keys, ours / DataLoader',
      pairMedian(miss, OURS_MICRO, 'DataLoader'),
      0.5,
      '×',
    ),
    checkAtMost('1', 'cached load, ours', contenderMedian(cached, OURS_MICRO), 50, ' ns'),
  ];
  return { cases, checks, notes: [] };
}

async function modesScenario(): Promise<ScenarioOutput> {
  const result = await measureCase(modesCase(), options.measure);
  const wall = contenderMedian(result, MODE_ASYNC);
  return {
    cases: [result],
    checks: [
      checkAtMost('5', 'async mode, wall / slowest source per round', wall / IDEAL_MS, 1.1, '×'),
    ],
    notes: [],
  };
}

const started = performance.now();
const outputs: ScenarioOutput[] = [];
/** Progress on stderr, so stdout stays the report. */
async function timed(label: string, scenario: () => Promise<ScenarioOutput>): Promise<void> {
  const start = performance.now();
  outputs.push(await scenario());
  console.error(`bench: ${label} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
const data = createDataset();
if (wanted('1')) await timed('#1', microScenario);
const needsOurs = ['2', '3', '4', '7'].some(wanted);
// The plugin's output for the bench schema, regenerated now so the bench measures the current
// plugin; loaded afterwards (a static import would read the file before it is regenerated).
if (needsOurs) runCodegen(root, 'bench/codegen.yml');
const { pluginOurs, pluginOursNoPrefetch } = await import('./scenarios/ours-plugin.js');
if (['2', '3', '4'].some(wanted)) {
  const variants = [pluginOurs, pluginOursNoPrefetch];
  await timed('#2–4', () => executionScenarios(data, variants, options, wanted));
}
if (wanted('5')) await timed('#5', modesScenario);
if (wanted('7')) await timed('#7', () => memoryScenario(data, pluginOurs, options));
// Last: it spawns the CLI and loads ts-morph, which would weigh on the heap figures of #7.
if (wanted('6')) await timed('#6', () => codegenScenario(options));

const cases = outputs.flatMap((o) => o.cases);
const checks: TargetCheck[] = outputs.flatMap((o) => o.checks);
const notes = outputs.flatMap((o) => o.notes);

const git = (...gitArgs: string[]) => {
  try {
    return execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
// The package is measured as built in dist/; a dirty src/ means dist/ may hold uncommitted work.
// BENCH_GIT_COMMIT names the commit when running from an export with no .git (`git archive`).
const gitCommit =
  process.env.BENCH_GIT_COMMIT ??
  `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', 'src', 'templates') ? ' (src/ dirty)' : ''}`;
const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  v8: process.versions.v8,
  platform: `${process.platform} ${process.arch}`,
  nodeEnv: process.env.NODE_ENV ?? '',
};
const command = `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;

console.log(`\n## Results (${command}; ${machine.nproc} × ${machine.cpu}, Node ${machine.node})\n`);
console.log(resultsTable(cases));
console.log('\n## Ratios, pair by pair in the same rounds\n');
console.log(ratiosTable(cases));
if (checks.length > 0) console.log(`\n## Targets\n\n${targetsTable(checks)}`);
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
