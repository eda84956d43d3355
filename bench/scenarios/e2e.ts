// Scenarios 2, 3 and 4 wired together: the same contenders over graphql-js, graphql-jit, and
// with latency. Names are fixed here because ratios and targets refer to them.
import { dataLoaderContext, dataLoaderResolvers } from '../contenders/dataloader.js';
import { floorContext, floorResolvers } from '../contenders/floor.js';
import { Backend } from '../fixtures/backend.js';
import type { Dataset } from '../fixtures/dataset.js';
import { type CaseResult, type CaseSpec, measureCase } from '../lib/harness.js';
import type { BenchOptions, ScenarioOutput } from '../lib/scenario.js';
import { contenderExtra, pairMedian } from '../lib/scenario.js';
import { checkAtMost, checkEquals, type TargetCheck } from '../lib/stats.js';
import { type Executor, executeContender, type ResolverSetup } from './execute.js';
import { DEPENDENCY_DEPTH, latencyBackend, latencyCase } from './latency.js';

export const FLOOR = 'floor: sync Map';
export const DATALOADER = 'DataLoader';

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

async function executorCase(
  scenario: '2' | '3',
  executor: Executor,
  data: Dataset,
  options: BenchOptions,
): Promise<CaseResult> {
  const floor = await executeContender(floorSetup(data), executor);
  const setups = [dataLoaderSetup(new Backend(data))];
  const contenders = [floor];
  for (const setup of setups) contenders.push(await executeContender(setup, executor, floor.json));
  const spec: CaseSpec = {
    scenario,
    name: `query of #2 on ${executor}`,
    unit: 'ms/exec',
    opsPerCall: 1,
    contenders,
    pairs: [{ a: DATALOADER, b: FLOOR }],
  };
  return measureCase(spec, options.measure);
}

export async function executionScenarios(
  data: Dataset,
  options: BenchOptions,
): Promise<ScenarioOutput> {
  const checks: TargetCheck[] = [];
  const js = await executorCase('2', 'graphql-js', data, options);
  const jit = await executorCase('3', 'graphql-jit', data, options);

  const floorJson = (await executeContender(floorSetup(data), 'graphql-js')).json;
  const latencySpec = await latencyCase([dataLoaderSetup(latencyBackend(data))], floorJson, []);
  const latency = await measureCase(latencySpec, options.measure);
  checks.push(
    checkEquals(
      '4',
      'DataLoader I/O waves (reference)',
      contenderExtra(latency, DATALOADER, 'waves'),
      DEPENDENCY_DEPTH,
      ' waves',
    ),
  );
  void pairMedian;
  void checkAtMost;
  return { cases: [js, jit, latency], checks, notes: [] };
}
