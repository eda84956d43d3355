// One abstract Source class per source: the user extends it and implements `fetch`.
import type { SourcePlan } from '../src/codegen/plan-types.js';
import { renderType } from './types.js';

const NULL_NOTE = [
  ' * `| null` in the value type: fetch returns null for a key it finds nothing for (orderByKeys',
  ' * does); "not found" above is what each field then resolves.',
];

export function renderSourceClass(source: SourcePlan): string {
  // Source<K, V, P = undefined, C = unknown>: P is spelled out when C follows it.
  const keyType = renderType(source.keyType);
  const paramsType = source.paramsType ? renderType(source.paramsType) : 'undefined';
  const typeArgs = [
    keyType,
    renderType(source.valueType),
    ...(source.paramsType || source.contextType ? [paramsType] : []),
    ...(source.contextType ? [source.contextType] : []),
  ];
  return [
    '/**',
    ` * Source "${source.name}": extend it, implement \`fetch(keys)\` and pass the class to`,
    ' * createBatchResolvers. Used by:',
    ...source.uses.map(
      (use) =>
        ` * - ${use.field} (key: ${use.key})${use.notFound ? `; not found: ${use.notFound}` : ''}`,
    ),
    // Why a non-null field's source still has `| null` in its value type.
    ...(source.uses[0]?.notFound ? NULL_NOTE : []),
    ' */',
    ...(source.identity === 'reference'
      ? [
          `export abstract class ${source.className} extends Source<${typeArgs.join(', ')}> {`,
          '  /**',
          '   * Keys are the parent objects: one entry per object (by reference), however alike two',
          '   * parents are. Override to return a value (`key.id`) to share entries between copies.',
          '   */',
          `  override cacheKey(key: ${keyType}): unknown {`,
          '    return key;',
          '  }',
          '}',
        ]
      : [`export abstract class ${source.className} extends Source<${typeArgs.join(', ')}> {}`]),
  ].join('\n');
}
