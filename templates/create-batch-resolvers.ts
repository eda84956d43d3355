// `createBatchResolvers(sources)`: the resolvers of every @batch field, checked against
// typescript-resolvers' `Resolvers` with `satisfies` (so each wrapper keeps its precise type).
import type { BatchPlan } from '../src/codegen/plan-types.js';
import { renderWrapper } from './resolver-wrapper.js';

export function renderCreateBatchResolvers(plan: BatchPlan): string {
  return [
    '/**',
    " * The resolvers of every @batch field; merge them with your own. Each reads the request's",
    ` * Dataloader from \`context.${plan.dataloaderField}\`.`,
    ' */',
    'export function createBatchResolvers(sources: BatchSources) {',
    '  return {',
    ...plan.parents.flatMap((parent) => [
      `    ${parent.typeName}: {`,
      ...parent.fields.map((w) => renderWrapper(w, plan.dataloaderField, '      ')),
      '    },',
    ]),
    `  } satisfies ${plan.resolversType};`,
    '}',
  ].join('\n');
}
