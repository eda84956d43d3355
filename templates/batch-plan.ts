// `batchPlan`: how every @batch field loads, as data, for the runtime's lookahead prefetch
// (DESIGN section 5a). Sorted by type and field like the wrappers, so the output is stable.
import type { ParentPlan } from '../src/codegen/plan-types.js';
import { prefetchEntry } from './load.js';

export function renderBatchPlan(parents: readonly ParentPlan[]): string {
  const types = parents.flatMap((parent) => {
    const fields = parent.fields.map((w) => `    ${w.field}: { ${prefetchEntry(w.load)} },`);
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
