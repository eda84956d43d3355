// One abstract Source class per source: the user extends it and implements `fetch`.
import type { SourcePlan } from '../src/codegen/plan-types.js';
import { renderType } from './types.js';

const NULL_NOTE = [
  ' * `| null` in the value type: a key that fetch finds nothing for is null (declare rowKey(row)',
  ' * and return the rows in any order, or use orderByKeys); "not found" above is what each field',
  ' * then resolves.',
];

const GROUP_NOTE = [
  ' * A list of rows per key: declare groupKey(row) and return the rows in any order (a key with',
  ' * none gets []), or use groupByKeys.',
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
    // What a key without a value gets (why a non-null field's source still has `| null`), and
    // how fetch may return rows instead. A many: true use (no "not found") gets a list per key.
    ...(source.uses[0]?.notFound ? NULL_NOTE : GROUP_NOTE),
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
