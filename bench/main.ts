// The bench (`npm run bench [-- --quick] [-- --only=1,2]`, entered through run.ts): every
// scenario in one process, the contenders interleaved; prints Markdown tables and
// writes bench/results/scenario-<n>.json per scenario (a --quick run: .tmp/bench-quick.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OURS_MICRO, oursMicro } from './contenders/ours-micro.js';
import { createDataset } from './fixtures/dataset.js';
import { runCodegen } from './lib/codegen-cli.js';
import { type CaseResult, measureCase } from './lib/harness.js';
import { machine, measuredCommit } from './lib/meta.js';
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

const gitCommit = measuredCommit();
const machineInfo = machine();
const command = `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;

console.log(
  `\n## Results (${command}; ${machineInfo.nproc} × ${machineInfo.cpu}, Node ${machineInfo.node})\n`,
);
console.log(resultsTable(cases));
console.log('\n## Ratios, pair by pair in the same rounds\n');
console.log(ratiosTable(cases));
if (checks.length > 0) console.log(`\n## Targets\n\n${targetsTable(checks)}`);
if (notes.length > 0) console.log(`\n## Notes\n\n${notes.map((n) => `- ${n}`).join('\n')}`);
const seconds = (performance.now() - started) / 1000;
console.log(`\nbench: done in ${seconds.toFixed(1)} s`);

// A full run keeps its figures per scenario (bench/results/scenario-<n>.json, what the README
// tables are generated from), so `--only=2` replaces scenario 2's file and leaves the others.
// A quick run checks that everything runs; its figures go to .tmp/, never next to those.
const header = {
  date: new Date().toISOString(),
  command,
  gitCommit,
  machine: machineInfo,
  options,
};
const write = (url: URL, body: object) => {
  mkdirSync(new URL('./', url), { recursive: true });
  writeFileSync(url, `${JSON.stringify(body, null, 2)}\n`);
};
if (quick) {
  write(new URL('../.tmp/bench-quick.json', import.meta.url), {
    ...header,
    seconds,
    cases,
    checks,
    notes,
  });
} else {
  for (const scenario of new Set(cases.map((c) => c.scenario))) {
    write(new URL(`./results/scenario-${scenario}.json`, import.meta.url), {
      ...header,
      scenario,
      cases: cases.filter((c) => c.scenario === scenario),
      checks: checks.filter((c) => c.scenario === scenario),
      notes: outputs
        .filter((o) => o.cases.some((c) => c.scenario === scenario))
        .flatMap((o) => o.notes),
    });
  }
}
