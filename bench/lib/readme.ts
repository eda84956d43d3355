// The figures of README.md and bench/README.md, rendered from the committed results files
// (bench/results/*.json) only: each generated block sits between `<!-- bench:NAME -->` and
// `<!-- /bench:NAME -->` and is rewritten by `npm run bench:readme`; a test checks that the
// committed READMEs equal what these functions render, so no figure is typed by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult } from './harness.js';
import type { Machine } from './meta.js';
import { fmt, ratiosTable, resultsTable, targetsTable } from './report.js';
import type { Summary, TargetCheck } from './stats.js';

export interface ScenarioFile {
  readonly date: string;
  readonly command: string;
  readonly gitCommit: string;
  readonly machine: Machine;
  readonly scenario: string;
  readonly cases: readonly CaseResult[];
  readonly checks: readonly TargetCheck[];
  readonly notes: readonly string[];
}

interface LoadSet {
  readonly requestsPerSecond: Summary;
  readonly p50: Summary;
  readonly p99: Summary;
  /** Absent in files written before it was measured. */
  readonly cpuMsPerRequest?: Summary;
  readonly failures: number;
}

export interface LoadCompareFile {
  readonly date: string;
  readonly command: string;
  readonly gitCommit: string;
  readonly machine: { readonly nproc: number; readonly cpu: string; readonly node: string };
  readonly server: string;
  readonly settings: {
    readonly rounds: number;
    readonly durationSeconds: number;
    readonly connections: number;
  };
  readonly sets: Readonly<Record<string, LoadSet>>;
  readonly ratios: readonly {
    readonly a: string;
    readonly b: string;
    readonly requestsPerSecond: Summary;
    readonly p50: Summary;
    readonly p99: Summary;
    readonly cpuMsPerRequest?: Summary;
  }[];
}

export interface Results {
  readonly scenarios: readonly ScenarioFile[];
  readonly loadCompare?: LoadCompareFile;
  /** Further runs of some scenarios (bench/results/repeats/<run>/), for the spread between runs. */
  readonly repeats?: readonly (readonly ScenarioFile[])[];
}

const SCENARIOS = ['1', '2', '3', '4', '5', '7', '6'];

export function readResults(dir: string): Results {
  const read = <T>(name: string): T | undefined => {
    const path = join(dir, name);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
  };
  const scenarios = SCENARIOS.flatMap((n) => read<ScenarioFile>(`scenario-${n}.json`) ?? []);
  const loadCompare = read<LoadCompareFile>('load-compare.json');
  const repeatsDir = join(dir, 'repeats');
  const repeats = existsSync(repeatsDir)
    ? readdirSync(repeatsDir)
        .sort()
        .map((run) =>
          SCENARIOS.flatMap(
            (n) => read<ScenarioFile>(join('repeats', run, `scenario-${n}.json`)) ?? [],
          ),
        )
    : [];
  return { scenarios, repeats, ...(loadCompare ? { loadCompare } : {}) };
}

const day = (iso: string) => iso.slice(0, 10);
const x = (s: Summary) => `${fmt(s.median, '×')}× (${fmt(s.min, '×')}–${fmt(s.max, '×')})`;

function source(file: { command: string; gitCommit: string; date: string }, name: string): string {
  return `\`${file.command}\` at commit ${file.gitCommit}, ${day(file.date)} (\`bench/results/${name}\`)`;
}

function findCase(results: Results, scenario: string): CaseResult | undefined {
  return results.scenarios.find((f) => f.scenario === scenario)?.cases[0];
}

function findCaseNamed(results: Results, scenario: string, id: string): CaseResult | undefined {
  const file = results.scenarios.find((f) => f.scenario === scenario);
  return file?.cases.find((c) => c.name.startsWith(id));
}

function pair(c: CaseResult | undefined, a: string, b: string): string | undefined {
  const found = c?.pairs.find((p) => p.a === a && p.b === b);
  return found ? x(found) : undefined;
}

function contender(c: CaseResult | undefined, name: string) {
  return c?.contenders.find((r) => r.name === name);
}

type Row = readonly [string, ...(string | undefined)[]];

function rows(list: readonly Row[]): string {
  const kept = list.filter((r) => r.slice(1).every((cell) => cell !== undefined));
  return kept.map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** README.md's "How fast" table: medians (min–max) of pair-by-pair ratios. */
export function speedBlock(results: Results): string {
  const js = findCase(results, '2');
  const jit = findCase(results, '3');
  const lat = findCase(results, '4');
  const miss = findCaseNamed(results, '1', '10,000 distinct');
  const dedupe = findCaseNamed(results, '1', '10,000 loads over');
  const cached = findCaseNamed(results, '1', '10,000 loads of keys cached');
  const chain = findCaseNamed(results, '1', 'dependent chain');
  const modes = findCase(results, '5');
  const memory = findCase(results, '7');
  const promises = (name: string) => contender(js, name)?.extra.promises;
  const cachedNs = contender(cached, 'ours');
  const heap = memory?.contenders.find((r) => r.extra['after/baseline'] !== undefined)?.extra[
    'after/baseline'
  ];
  const async = contender(modes, 'ours: AsyncDataloader');
  const load = results.loadCompare;
  const ratio = (a: string, b: string) => load?.ratios.find((r) => r.a === a && r.b === b);
  const server = ratio('batched', 'dataloader');
  const serverNaive = ratio('batched', 'naive');
  const body = rows([
    ['graphql-js, in memory: ours / DataLoader', pair(js, 'ours', 'DataLoader')],
    ['graphql-js: ours / synchronous no-batching floor', pair(js, 'ours', 'floor: sync Map')],
    ['graphql-js: Grafast / floor (reference)', pair(js, 'Grafast', 'floor: sync Map')],
    ['graphql-js: DataLoader / floor (reference)', pair(js, 'DataLoader', 'floor: sync Map')],
    ['graphql-js: ours / Grafast', pair(js, 'ours', 'Grafast')],
    [
      'graphql-js: Promises per execution, ours / DataLoader / Grafast',
      promises('ours') === undefined
        ? undefined
        : `${promises('ours')} / ${promises('DataLoader')} / ${promises('Grafast')}`,
    ],
    [
      'graphql-jit: ours, prefetch off / DataLoader-on-jit',
      pair(jit, 'ours, prefetch off', 'DataLoader'),
    ],
    ['graphql-jit: ours (prefetch on) / DataLoader-on-jit', pair(jit, 'ours', 'DataLoader')],
    [
      'graphql-jit: ours, prefetch off / jit floor',
      pair(jit, 'ours, prefetch off', 'floor: sync Map'),
    ],
    [
      '1 ms per fetch, wall: ours (AsyncDataloader) / DataLoader',
      pair(lat, 'ours: AsyncDataloader', 'DataLoader'),
    ],
    ['1 ms per fetch, wall: Grafast / DataLoader (reference)', pair(lat, 'Grafast', 'DataLoader')],
    ['10,000 distinct keys in one batch: ours / DataLoader', pair(miss, 'ours', 'DataLoader')],
    ['10,000 loads over 100 keys: ours / DataLoader', pair(dedupe, 'ours', 'DataLoader')],
    ['10,000 loads of cached keys: ours / DataLoader', pair(cached, 'ours', 'DataLoader')],
    [
      'a cached load, ours (time per load)',
      cachedNs
        ? `${fmt(cachedNs.median, 'ns')} ns (${fmt(cachedNs.min, 'ns')}–${fmt(cachedNs.max, 'ns')})`
        : undefined,
    ],
    ['dependent chain, 10 deep × 1,000 wide: ours / DataLoader', pair(chain, 'ours', 'DataLoader')],
    [
      'async mode, sources of 10/20/30 ms, two rounds: wall / ideal (60 ms)',
      async ? `${fmt(async.median / 60, '×')}×` : undefined,
    ],
    [
      'heap after 10,000 executions / baseline',
      heap === undefined ? undefined : `${fmt(heap, '×')}×`,
    ],
    server?.cpuMsPerRequest
      ? [
          'example server (yoga + PGlite), generated resolvers / DataLoader resolvers: req/s, p50, p99, server CPU per request',
          `${x(server.requestsPerSecond)}, ${x(server.p50)}, ${x(server.p99)}, ${x(server.cpuMsPerRequest)}`,
        ]
      : [
          'example server (yoga + PGlite), generated resolvers / DataLoader resolvers: req/s, p50, p99',
          server ? `${x(server.requestsPerSecond)}, ${x(server.p50)}, ${x(server.p99)}` : undefined,
        ],
    [
      'example server, generated resolvers / naive resolvers: req/s, p50, p99',
      serverNaive
        ? `${x(serverNaive.requestsPerSecond)}, ${x(serverNaive.p50)}, ${x(serverNaive.p99)}`
        : undefined,
    ],
  ]);
  // Scenario files of one run share their command, commit and date: named once per run.
  const runs = new Map<string, string[]>();
  for (const f of results.scenarios) {
    const run = source(f, 'scenario-');
    runs.set(run, [...(runs.get(run) ?? []), f.scenario]);
  }
  const sources = [
    ...[...runs].map(([run, ns]) => run.replace('`bench/results/scenario-`', scenarioFiles(ns))),
    ...(load ? [`server: ${source(load, 'load-compare.json')}`] : []),
  ];
  const first = results.scenarios[0]?.machine;
  const machineLine = first
    ? `${first.nproc} × ${first.cpu}, Node ${first.node}, \`NODE_ENV=${first.nodeEnv}\``
    : 'no results';
  return [
    `Time ratios, lower is better: median (min–max) over the rounds of one run, each ratio taken`,
    `inside a round; CPU time of the process for the in-memory cases, wall time with latency and`,
    `for the server. Machine: ${machineLine}. From ${sources.join('; ')}.`,
    '',
    '| What | Result |',
    '| --- | --- |',
    body,
  ].join('\n');
}

function scenarioFiles(ns: readonly string[]): string {
  const list = ns.length === 1 ? (ns[0] as string) : `{${ns.join(',')}}`;
  return `\`bench/results/scenario-${list}.json\``;
}

/** README.md's list of targets: the checks of the committed runs. */
export function targetsBlock(results: Results): string {
  const checks = results.scenarios.flatMap((f) => f.checks);
  return targetsTable(checks);
}

/** bench/README.md's results: every committed scenario file, in full. */
export function resultsBlock(results: Results): string {
  const parts: string[] = [];
  for (const file of results.scenarios) {
    const m = file.machine;
    parts.push(
      `#### Scenario ${file.scenario}`,
      '',
      `${source(file, `scenario-${file.scenario}.json`)}; ${m.nproc} × ${m.cpu}, ${m.memoryGB} GB, ${m.platform}, Node ${m.node} (V8 ${m.v8}).`,
      '',
      resultsTable(file.cases),
    );
    if (file.cases.some((c) => c.pairs.length > 0)) parts.push('', ratiosTable(file.cases));
    if (file.checks.length > 0) parts.push('', targetsTable(file.checks));
    if (file.notes.length > 0) parts.push('', ...file.notes.map((n) => `- ${n}`));
    parts.push('');
  }
  return parts.join('\n').trimEnd();
}

/**
 * bench/README.md's spread between runs: the median ratio of each pair of scenarios 1–4 in
 * the committed run and in each repeat (bench/results/repeats/), then their min–max.
 */
export function spreadBlock(results: Results): string {
  const runs = [results.scenarios, ...(results.repeats ?? [])];
  const header = runs.map((files, i) => {
    const f = files[0];
    return f ? `run ${i + 1}: \`${f.command}\` at ${f.gitCommit}` : `run ${i + 1}`;
  });
  const rows: string[] = [];
  for (const file of results.scenarios) {
    if (!['1', '2', '3', '4'].includes(file.scenario)) continue;
    for (const c of file.cases) {
      for (const p of c.pairs) {
        if (p.b.startsWith('floor: ') && p.b !== 'floor: sync Map') continue;
        const medians = runs.map(
          (files) =>
            files
              .find((f) => f.scenario === file.scenario)
              ?.cases.find((other) => other.name === c.name)
              ?.pairs.find((q) => q.a === p.a && q.b === p.b)?.median,
        );
        const known = medians.filter((m): m is number => m !== undefined);
        const cells = medians.map((m) => (m === undefined ? '–' : `${fmt(m, '×')}×`));
        const range = `${fmt(Math.min(...known), '×')}–${fmt(Math.max(...known), '×')}×`;
        rows.push(
          `| ${file.scenario} | ${c.name}: ${p.a} / ${p.b} | ${cells.join(' | ')} | ${range} |`,
        );
      }
    }
  }
  return [
    `| # | ratio (median of the run) | ${header.join(' | ')} | min–max over runs |`,
    `| --- | --- | ${header.map(() => '---').join(' | ')} | --- |`,
    ...rows,
  ].join('\n');
}

/** bench/README.md's whole-server comparison. */
export function loadCompareBlock(results: Results): string {
  const load = results.loadCompare;
  if (!load) return '(no bench/results/load-compare.json committed)';
  // Server CPU per request: a column only when the file has it.
  const cpu = Object.values(load.sets).every((s) => s.cpuMsPerRequest !== undefined);
  const sets = Object.entries(load.sets).map(
    ([name, s]) =>
      `| ${name} | ${fmt(s.requestsPerSecond.median, '')} | ${s.p50.median} | ${s.p99.median} |${cpu ? ` ${(s.cpuMsPerRequest as Summary).median.toFixed(1)} |` : ''} ${s.failures} |`,
  );
  const ratios = load.ratios.map(
    (r) =>
      `| ${r.a} / ${r.b} | ${x(r.requestsPerSecond)} | ${x(r.p50)} | ${x(r.p99)} |${cpu && r.cpuMsPerRequest ? ` ${x(r.cpuMsPerRequest)} |` : ''}`,
  );
  const s = load.settings;
  return [
    `${source(load, 'load-compare.json')}; ${load.machine.nproc} × ${load.machine.cpu}, Node ${load.machine.node}; ${s.rounds} rounds × ${s.durationSeconds} s per server, ${s.connections} connections. ${load.server}.`,
    '',
    cpu
      ? '| resolvers | req/s (median) | p50 ms | p99 ms | server CPU ms / request | failed responses |'
      : '| resolvers | req/s (median) | p50 ms | p99 ms | failed responses |',
    cpu ? '| --- | --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- |',
    ...sets,
    '',
    cpu
      ? '| ratio | req/s | p50 latency | p99 latency | server CPU / request |'
      : '| ratio | req/s | p50 latency | p99 latency |',
    cpu ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |',
    ...ratios,
  ].join('\n');
}

export const BLOCKS = {
  'README.md': { speed: speedBlock, targets: targetsBlock },
  'bench/README.md': {
    results: resultsBlock,
    spread: spreadBlock,
    'load-compare': loadCompareBlock,
  },
} as const satisfies Record<string, Record<string, (results: Results) => string>>;

/** `text` with each generated block replaced; an absent marker pair is an error. */
export function fillBlocks(
  file: string,
  text: string,
  blocks: Readonly<Record<string, (results: Results) => string>>,
  results: Results,
): string {
  let out = text;
  for (const [name, render] of Object.entries(blocks)) {
    const open = `<!-- bench:${name} -->\n`;
    const close = `<!-- /bench:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close, start);
    if (start < 0 || end < 0) {
      throw new Error(`${file}: no generated block "${name}" (${open.trim()} … ${close})`);
    }
    out = `${out.slice(0, start + open.length)}${render(results)}\n${out.slice(end)}`;
  }
  return out;
}
