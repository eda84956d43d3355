// Scenario 7: heap after 10,000 executions of scenario 2 (our resolvers, graphql-js) returns to
// within 10% of the baseline: no Dataloader, generator, Source or cache outlives its request.
// The heap is read after forced collections (node --expose-gc), every 1,000 executions too, so
// a slow leak shows as a trend rather than as one number.
import { execute } from 'graphql';
import { oursContext } from '../contenders/ours.js';
import { Backend, sleep } from '../fixtures/backend.js';
import type { Dataset } from '../fixtures/dataset.js';
import { executableSchema, queryDocument } from '../fixtures/schema.js';
import type { ContenderResult } from '../lib/harness.js';
import type { BenchOptions, ScenarioOutput } from '../lib/scenario.js';
import { checkAtMost, summarize } from '../lib/stats.js';
import type { OursResolvers } from './e2e.js';

async function settledHeapMB(): Promise<number> {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') {
    throw new Error('Scenario 7 needs node --expose-gc (npm run bench passes it).');
  }
  // Several passes with turns in between: weak references and finalizers need a second look.
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(1);
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export async function memoryScenario(
  data: Dataset,
  ours: OursResolvers,
  options: BenchOptions,
): Promise<ScenarioOutput> {
  const schema = executableSchema(ours.resolvers(new Backend(data)));
  const context = oursContext('sequential');
  const once = async () => {
    const result = await execute({ schema, document: queryDocument, contextValue: context() });
    if (result.errors?.length) throw new Error(`Scenario 7: ${result.errors[0]?.message}`);
  };
  // Warm up first, so the baseline already holds the JIT's code and graphql-js's caches.
  for (let i = 0; i < 50; i++) await once();
  const baseline = await settledHeapMB();
  const executions = options.memoryExecutions;
  const every = Math.max(1, Math.floor(executions / 10));
  const trend: number[] = [];
  const started = performance.now();
  for (let i = 1; i <= executions; i++) {
    await once();
    if (i % every === 0 && i < executions) trend.push(await settledHeapMB());
  }
  const seconds = (performance.now() - started) / 1000;
  const after = await settledHeapMB();
  const ratio = after / baseline;
  const one = (
    name: string,
    value: number,
    extra: Record<string, number> = {},
  ): ContenderResult => ({
    name,
    median: value,
    min: value,
    max: value,
    n: 1,
    samples: [value],
    extra,
  });
  const contenders = [
    one('heap after GC, baseline', baseline),
    one(`heap after GC, after ${executions} executions`, after, {
      'after/baseline': Number(ratio.toFixed(3)),
      seconds: Number(seconds.toFixed(1)),
    }),
    {
      name: `heap after GC, sampled every ${every} executions`,
      ...summarize(trend.length > 0 ? trend : [after]),
      samples: trend,
      extra: {},
    },
  ];
  return {
    cases: [
      {
        scenario: '7',
        name: `${executions} executions of #2 (ours)`,
        unit: 'MB',
        contenders,
        pairs: [],
      },
    ],
    checks: [checkAtMost('7', `heap after / baseline (${executions} executions)`, ratio, 1.1, '×')],
    notes: [],
  };
}
