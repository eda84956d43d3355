// Scenarios 2, 3 and 4 wired together: the same contenders over graphql-js, graphql-jit, and
// with latency. Names are fixed here because ratios and targets refer to them.
import { dataLoaderContext, dataLoaderResolvers } from '../contenders/dataloader.js';
import { floorContext, floorResolvers } from '../contenders/floor.js';
import { GRAFAST, grafastExecutor } from '../contenders/grafast.js';
import { type Mode, oursContext, oursInspect } from '../contenders/ours.js';
import { Backend } from '../fixtures/backend.js';
import type { Dataset } from '../fixtures/dataset.js';
import type { ResolverMap } from '../fixtures/schema.js';
import { type CaseResult, type CaseSpec, type Contender, measureCase } from '../lib/harness.js';
import {
  type BenchOptions,
  contenderExtra,
  pairMedian,
  type ScenarioOutput,
} from '../lib/scenario.js';
import { checkAtMost, checkEquals, type TargetCheck } from '../lib/stats.js';
import { type Executor, executeContender, type ResolverSetup } from './execute.js';
import { DEPENDENCY_DEPTH, latencyBackend, latencyCase } from './latency.js';

export const FLOOR = 'floor: sync Map';
export const DATALOADER = 'DataLoader';

/** One way of wiring our resolvers over a backend (plain generated, or with lookahead). */
export interface OursResolvers {
  /** Contender name, e.g. 'ours' or 'ours + lookahead'. */
  readonly name: string;
  readonly description: string;
  resolvers(backend: Backend): ResolverMap;
}

function floorSetup(data: Dataset): ResolverSetup {
  return { name: FLOOR, resolvers: floorResolvers(data), context: floorContext };
}

function dataLoaderSetup(backend: Backend): ResolverSetup {
  return {
    name: DATALOADER,
    resolvers: dataLoaderResolvers(backend),
    context: dataLoaderContext(backend),
    backend,
  };
}

/** Grafast plans and executes on its own: only in the graphql-js scenarios (2 and 4). */
function grafastSetup(backend: Backend): ResolverSetup {
  return {
    name: GRAFAST,
    resolvers: {},
    context: () => ({}),
    backend,
    engine: grafastExecutor(backend),
  };
}

function oursSetup(name: string, ours: OursResolvers, backend: Backend, mode: Mode): ResolverSetup {
  return {
    name,
    resolvers: ours.resolvers(backend),
    context: oursContext(mode),
    backend,
    inspect: oursInspect,
  };
}

const modeName = (ours: OursResolvers, mode: Mode) =>
  `${ours.name}: ${mode === 'async' ? 'AsyncDataloader' : 'Dataloader'}`;

async function executorCase(
  scenario: '2' | '3',
  executor: Executor,
  data: Dataset,
  variants: readonly OursResolvers[],
  options: BenchOptions,
): Promise<CaseResult> {
  const floor = await executeContender(floorSetup(data), executor);
  const withGrafast = executor === 'graphql-js';
  const setups = [
    ...variants.map((ours) => oursSetup(ours.name, ours, new Backend(data), 'sequential')),
    dataLoaderSetup(new Backend(data)),
    ...(withGrafast ? [grafastSetup(new Backend(data))] : []),
  ];
  const contenders: Contender[] = [];
  for (const setup of setups) contenders.push(await executeContender(setup, executor, floor.json));
  contenders.push(floor);
  const spec: CaseSpec = {
    scenario,
    name: `query of #2 on ${executor}`,
    unit: 'ms/exec',
    opsPerCall: 1,
    // Nothing waits on a timer or I/O here: CPU time (see CaseSpec.clock).
    clock: 'cpu',
    contenders,
    pairs: [
      ...variants.flatMap((ours) => [
        { a: ours.name, b: DATALOADER },
        { a: ours.name, b: FLOOR },
      ]),
      ...(withGrafast ? variants.map((ours) => ({ a: ours.name, b: GRAFAST })) : []),
      { a: DATALOADER, b: FLOOR },
      ...(withGrafast ? [{ a: GRAFAST, b: FLOOR }] : []),
    ],
  };
  return measureCase(spec, options.measure);
}

export async function executionScenarios(
  data: Dataset,
  variants: readonly OursResolvers[],
  options: BenchOptions,
  wanted: (scenario: string) => boolean,
): Promise<ScenarioOutput> {
  const cases: CaseResult[] = [];
  const checks: TargetCheck[] = [];
  if (wanted('2')) {
    const js = await executorCase('2', 'graphql-js', data, variants, options);
    cases.push(js);
    // Grafast runs at ≈ 1.06× the floor on this query: the targets are its class.
    const [ours] = variants;
    if (ours) {
      checks.push(
        checkAtMost('2', `${ours.name} / sync floor`, pairMedian(js, ours.name, FLOOR), 1.15, '×'),
        checkAtMost(
          '2',
          `${ours.name} / DataLoader`,
          pairMedian(js, ours.name, DATALOADER),
          0.4,
          '×',
        ),
      );
    }
  }
  if (wanted('3')) {
    const jit = await executorCase('3', 'graphql-jit', data, variants, options);
    cases.push(jit);
    // The best of our variants on jit (the README says which to choose there).
    const best = [...variants].sort(
      (a, b) => pairMedian(jit, a.name, DATALOADER) - pairMedian(jit, b.name, DATALOADER),
    )[0];
    if (best) {
      checks.push(
        checkAtMost(
          '3',
          `${best.name} / DataLoader-on-jit`,
          pairMedian(jit, best.name, DATALOADER),
          0.5,
          '×',
        ),
        checkAtMost('3', `${best.name} / jit floor`, pairMedian(jit, best.name, FLOOR), 2.5, '×'),
      );
    }
  }
  if (wanted('4')) {
    const floorJson = (await executeContender(floorSetup(data), 'graphql-js')).json;
    const modes: Mode[] = ['sequential', 'async'];
    const ours = variants.flatMap((v) =>
      modes.map((mode) => ({ name: modeName(v, mode), v, mode })),
    );
    const spec = await latencyCase(
      [
        ...ours.map((o) => oursSetup(o.name, o.v, latencyBackend(data), o.mode)),
        dataLoaderSetup(latencyBackend(data)),
        grafastSetup(latencyBackend(data)),
      ],
      floorJson,
      [
        ...ours.map((o) => ({ a: o.name, b: DATALOADER })),
        ...ours.map((o) => ({ a: o.name, b: GRAFAST })),
        { a: GRAFAST, b: DATALOADER },
      ],
    );
    const latency = await measureCase(spec, options.measure);
    cases.push(latency);
    // Rounds: the runtime counts its own (authors + comments, then comment authors); the root
    // read is a plain resolver outside it, so +1. DataLoader has no rounds: its I/O waves are
    // the same figure. Sequential mode fetches one batch at a time, so its waves (in the
    // table) exceed its rounds by design.
    for (const { name } of ours) {
      const rounds = contenderExtra(latency, name, 'rounds') + 1;
      checks.push(
        checkEquals('4', `${name}: rounds incl. the root read`, rounds, DEPENDENCY_DEPTH, ''),
      );
    }
    const dlWaves = contenderExtra(latency, DATALOADER, 'waves');
    checks.push(
      checkEquals('4', 'DataLoader: I/O waves (reference)', dlWaves, DEPENDENCY_DEPTH, ''),
    );
    const asyncOurs = ours.find((o) => o.mode === 'async');
    if (asyncOurs) {
      const ratio = pairMedian(latency, asyncOurs.name, DATALOADER);
      checks.push(checkAtMost('4', `${asyncOurs.name} / DataLoader, wall`, ratio, 0.5, '×'));
    }
  }
  return { cases, checks, notes: variants.map((v) => `"${v.name}": ${v.description}`) };
}
