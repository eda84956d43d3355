// An Apollo Federation entity's `__resolveReference`: @apollo/subgraph calls it once per
// representation of an `_entities` query, and each call registers its key with the entity's
// Source at once, so all representations of the type reach one `fetch`. Like the field
// wrappers, it returns the value itself when the key is cached. Apollo's convention: a
// reference that finds nothing resolves null. `info` is the `_entities` field's, whose return
// type is the `[_Entity]!` union list; the lookahead gets the entity type in its place
// (`batchEntityInfo`), so the @batch fields selected below the entity load with it, and a
// Source that projects is given the fields selected below the entity, as a field's load is.
import type { ReferencePlan } from '../src/codegen/plan-types.js';
import { keyExpr } from './load.js';

export function renderReferenceResolver(
  typeName: string,
  reference: ReferencePlan,
  dataloaderField: string,
  indent: string,
): string {
  const dl = `ctx.${dataloaderField}`;
  const { load: plan } = reference;
  const source = `sources.${plan.source}`;
  const load = `resolveNullable(${dl}.with(${source}).load(key, project(entityInfo, ${source})))`;
  return [
    `${indent}__resolveReference: (reference, ctx, info) => {`,
    `${indent}  const key = ${keyExpr(plan.key, 'reference')};`,
    `${indent}  const entityInfo = batchEntityInfo(info, '${typeName}');`,
    `${indent}  try {`,
    `${indent}    return prefetch(${load}, entityInfo, ${dl}, ctx);`,
    `${indent}  } catch (error) {`,
    `${indent}    throw missingDataloader(ctx, '${dataloaderField}', 'The @batch reference resolver of ${typeName}', error);`,
    `${indent}  }`,
    `${indent}},`,
  ].join('\n');
}

/** Emitted once when some entity type has a reference resolver. */
export function renderEntityInfo(): string {
  return [
    '/**',
    " * The `_entities` field's `info` as the lookahead reads it below one entity: the entity's type",
    ' * in place of the `[_Entity]!` list. Copied property by property, since graphql 17 may build',
    ' * `info` as an object whose properties are getters.',
    ' */',
    'function batchEntityInfo(info: Parameters<Prefetch>[1], typeName: string): Parameters<Prefetch>[1] {',
    '  const { fieldNodes, schema, fragments, variableValues } = info;',
    '  return { fieldNodes, schema, fragments, variableValues, returnType: schema.getType(typeName) ?? info.returnType };',
    '}',
  ].join('\n');
}
