// One abstract Source class per source: the user extends it and implements `fetch`.
import type { SourcePlan } from '../src/codegen/plan-types.js';

export function renderSourceClass(source: SourcePlan): string {
  // Source<K, V, P = undefined, C = unknown>: P is spelled out when C follows it.
  const typeArgs = [
    source.keyType,
    source.valueType,
    ...(source.paramsType || source.contextType ? [source.paramsType ?? 'undefined'] : []),
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
          `  override cacheKey(key: ${source.keyType}): unknown {`,
          '    return key;',
          '  }',
          '}',
        ]
      : [`export abstract class ${source.className} extends Source<${typeArgs.join(', ')}> {}`]),
  ].join('\n');
}
