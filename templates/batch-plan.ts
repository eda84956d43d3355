// `batchPlan`: how every @batch field loads, as data, for the runtime's lookahead prefetch
// (DESIGN section 5a). Sorted by type and field like the wrappers, so the output is stable.
import type { ParentPlan, PrefetchFieldPlan } from '../src/codegen/plan-types.js';

const quote = (text: string) => `'${text}'`;

function renderField(field: string, source: string, plan: PrefetchFieldPlan): string {
  const parts = [`source: ${quote(source)}`];
  if (plan.keyPath) parts.push(`keyPath: [${plan.keyPath.map(quote).join(', ')}]`);
  if (plan.keyArg !== undefined) parts.push(`keyArg: ${quote(plan.keyArg)}`);
  parts.push(`list: ${plan.list}`, `params: [${plan.params.map(quote).join(', ')}]`);
  return `    ${field}: { ${parts.join(', ')} },`;
}

export function renderBatchPlan(parents: readonly ParentPlan[]): string {
  const types = parents.flatMap((parent) => {
    const fields = parent.fields.flatMap((w) => [renderField(w.field, w.source, w.prefetch)]);
    return fields.length === 0 ? [] : [`  ${parent.typeName}: {`, ...fields, '  },'];
  });
  return [
    '/**',
    ' * How each @batch field loads (type → field → source, key, list of keys, batch parameters):',
    " * the lookahead prefetch reads it to load a field's batched children before the field",
    ' * resolves.',
    ' */',
    ...(types.length === 0
      ? ['export const batchPlan = {} satisfies PrefetchPlan;']
      : ['export const batchPlan = {', ...types, '} satisfies PrefetchPlan;']),
  ].join('\n');
}
