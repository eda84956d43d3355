// The whole generated module: imports (core puts `prepend` first and de-duplicates it) and the
// artefacts in a fixed order. Deterministic: the plan is sorted, and nothing here reorders.
import type { BatchPlan } from '../src/codegen/plan-types.js';
import { renderBatchFields } from './batch-fields.js';
import { renderBatchPlan } from './batch-plan.js';
import { renderBatchSources } from './batch-sources.js';
import { renderCreateBatchResolvers } from './create-batch-resolvers.js';
import { renderSourceClass } from './source-class.js';

export interface RenderedModule {
  readonly prepend: readonly string[];
  readonly content: string;
}

export function renderModule(plan: BatchPlan): RenderedModule {
  if (plan.sources.length === 0) {
    return { prepend: [], content: '// graphql-codegen-batch: no @batch fields in the schema.\n' };
  }
  const sections = [
    '// ---- graphql-codegen-batch: Sources and resolvers of the @batch fields ----',
    ...plan.sources.map(renderSourceClass),
    renderBatchSources(plan.sources),
    renderBatchFields(plan.batchFields),
    renderBatchPlan(plan.parents),
    renderCreateBatchResolvers(plan),
  ].filter((s) => s !== '');
  return { prepend: plan.imports, content: `\n${sections.join('\n\n')}\n` };
}
