// One abstract Source class per source: the user extends it and implements `fetch`.
import type { SourcePlan } from '../src/codegen/plan-types.js';

export function renderSourceClass(source: SourcePlan): string {
  const typeArgs = [
    source.keyType,
    source.valueType,
    ...(source.paramsType ? [source.paramsType] : []),
  ];
  return [
    '/**',
    ` * Source "${source.name}": extend it, implement \`fetch(keys)\` and pass the class to`,
    ' * createBatchResolvers. Used by:',
    ...source.uses.map((use) => ` * - ${use}`),
    ...source.notes.map((note) => ` * ${note}`),
    ' */',
    `export abstract class ${source.className} extends Source<${typeArgs.join(', ')}> {}`,
  ].join('\n');
}
