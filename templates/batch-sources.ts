// `BatchSources`: the typed map of source name → implementation class.
import type { SourcePlan } from '../src/codegen/plan-types.js';

export function renderBatchSources(sources: readonly SourcePlan[]): string {
  return [
    '/** The implementation class of every source, as createBatchResolvers needs them. */',
    'export type BatchSources = {',
    ...sources.map((s) => `  ${s.name}: SourceClass<${s.className}>;`),
    '};',
  ].join('\n');
}
