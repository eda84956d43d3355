// Static descriptions of the fields whose wrappers can throw NotFoundError (one const object,
// so no emitted name can collide with the enums the `typescript` plugin emits).
import type { BatchFieldPlan } from '../src/codegen/plan-types.js';

const quote = (text: string) => `'${text}'`;

export function renderBatchFields(fields: readonly BatchFieldPlan[]): string {
  if (fields.length === 0) return '';
  return [
    '/** The batched fields whose missing values are NotFoundErrors (named in the message). */',
    'const batchFields = {',
    ...fields.map(
      (f) =>
        `  ${quote(f.id)}: { parentType: ${quote(f.parentType)}, field: ${quote(f.field)}, typeName: ${quote(f.typeName)}, source: ${quote(f.source)} },`,
    ),
    '} satisfies Record<string, BatchField>;',
  ].join('\n');
}
