// What every scenario hands back to bench/run.ts.
import type { CaseResult, MeasureOptions } from './harness.js';
import type { TargetCheck } from './stats.js';

export interface ScenarioOutput {
  readonly cases: readonly CaseResult[];
  readonly checks: readonly TargetCheck[];
  /** Facts a reader needs next to the figures (what a contender really is, what is missing). */
  readonly notes: readonly string[];
}

export interface BenchOptions {
  readonly quick: boolean;
  readonly measure: MeasureOptions;
  /** Executions of scenario 2 in the memory scenario (10,000; fewer with --quick). */
  readonly memoryExecutions: number;
}

export function pairMedian(result: CaseResult, a: string, b: string): number {
  const pair = result.pairs.find((p) => p.a === a && p.b === b);
  if (!pair) throw new Error(`Case "${result.name}" has no pair "${a}" / "${b}"`);
  return pair.median;
}

export function contenderMedian(result: CaseResult, name: string): number {
  const found = result.contenders.find((c) => c.name === name);
  if (!found) throw new Error(`Case "${result.name}" has no contender "${name}"`);
  return found.median;
}

export function contenderExtra(result: CaseResult, name: string, figure: string): number {
  const found = result.contenders.find((c) => c.name === name);
  const value = found?.extra[figure];
  if (value === undefined) throw new Error(`Case "${result.name}": no "${figure}" for "${name}"`);
  return value;
}
