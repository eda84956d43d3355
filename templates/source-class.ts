// One abstract Source class per source: the user extends it and implements `fetch`.
import type { SourcePlan } from '../src/codegen/plan-types.js';
import { renderType } from './types.js';

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
    ...source.uses.map((use) => ` * - ${use}`),
    ...source.notes.map((note) => ` * ${note}`),
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
