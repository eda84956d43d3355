// The fields of a model that a query reads below a field, for Sources that project (see
// ../projection.ts): what the generated wrappers and the lookahead pass to `load`. Each selected
// field maps to the model property it reads: a field graphql-js resolves by default reads the
// property of its own name; a @batch field reads its key's property (`author` → `authorId`), or
// nothing for an argument key; `__typename` reads nothing. A field with a resolver of its own may
// read anything, so its presence means "everything" (undefined), as does a type that is not an
// object type (an interface or union: the implementer is not known before the value is). A
// composite key reads each part's property; a `$parent` key hands its Source the whole parent,
// so it means "everything" too.
import type { FieldOf } from '../projection.js';
import type { Source, SourceClass, ValueOf } from '../source.js';
import type { PrefetchPlan } from './prefetch.js';
import { collectSubfields } from './selection.js';
import {
  fieldsOf,
  ofType,
  type ResolveInfoLike,
  type SelectionNode,
  type TypeLike,
  tagOf,
  variablesOf,
} from './shapes.js';

/**
 * The fields to load for a field's value when its Source projects (`static projection`), else
 * undefined without looking at the selection.
 */
// biome-ignore lint/suspicious/noExplicitAny: a Source of any key, value and params.
export type Project = <S extends Source<any, any, any>>(
  info: ResolveInfoLike,
  SourceClass: SourceClass<S>,
) => readonly FieldOf<ValueOf<S>>[] | undefined;

/** `undefined` results are cached as this, to tell them from "not computed yet". */
const EVERYTHING = null;
type Fields = readonly string[] | typeof EVERYTHING;
/** Per operation's variables, then per field node, then per return type. */
type Cache = WeakMap<object, WeakMap<object, Map<TypeLike, Fields>>>;

/** The generated `createBatchResolvers` builds one per resolver set, from its plan. */
export function createProjection(plan: PrefetchPlan): Project {
  const below = createFieldsBelow(plan);
  // The names come from the schema's fields, which graphql-js resolves from the model's
  // properties of the same names: the value type's field names.
  return ((info, SourceClass) => {
    if ((SourceClass as { projection?: unknown }).projection !== true) return undefined;
    return below(info, info.returnType, info.fieldNodes);
  }) as Project;
}

/** The model fields the selection `nodes` reads of a value of `type` (undefined: everything). */
export type FieldsBelow = (
  info: ResolveInfoLike,
  type: TypeLike,
  nodes: readonly SelectionNode[],
) => readonly string[] | undefined;

export function createFieldsBelow(plan: PrefetchPlan): FieldsBelow {
  const cache: Cache = new WeakMap();
  const noVariables = {};
  return (info, type, nodes) => {
    const first = nodes[0];
    if (first === undefined) return undefined;
    const variables = variablesOf(info);
    // The coerced variables are one object per execution: cached results never outlive it.
    const scope = typeof info.variableValues === 'object' && info.variableValues !== null;
    const byVariables = scope ? (info.variableValues as object) : noVariables;
    let byNode = cache.get(byVariables);
    if (byNode === undefined) {
      byNode = new WeakMap();
      cache.set(byVariables, byNode);
    }
    let byType = byNode.get(first);
    if (byType === undefined) {
      byType = new Map();
      byNode.set(first, byType);
    }
    let fields = byType.get(type);
    if (fields === undefined) {
      fields = compute(plan, info, variables, type, nodes) ?? EVERYTHING;
      byType.set(type, fields);
    }
    return fields ?? undefined;
  };
}

function compute(
  plan: PrefetchPlan,
  info: ResolveInfoLike,
  variables: Readonly<Record<string, unknown>>,
  type: TypeLike,
  nodes: readonly SelectionNode[],
): readonly string[] | undefined {
  let named = type;
  while (tagOf(named) === 'GraphQLNonNull' || tagOf(named) === 'GraphQLList') named = ofType(named);
  if (tagOf(named) !== 'GraphQLObjectType') return undefined;
  const defs = fieldsOf(named);
  if (defs === undefined) return undefined;
  const batched = plan[named.name as string];
  const out = new Set<string>();
  for (const selected of collectSubfields(info, variables, named, nodes).values()) {
    const name = (selected[0] as SelectionNode).name?.value as string;
    if (name === '__typename') continue;
    const field = batched?.[name];
    if (field !== undefined) {
      // A `$parent` Source is handed the parent itself and may read any of its properties.
      if (field.keyParent === true) return undefined;
      const property = field.keyPath?.[0];
      if (property !== undefined) out.add(property);
      for (const part of field.keyParts ?? []) {
        const first = part.path?.[0];
        if (first !== undefined) out.add(first);
      }
      continue;
    }
    const def = defs[name];
    if (def === undefined) continue; // not in the schema: graphql-js reports it
    if (def.resolve !== undefined && def.resolve !== null) return undefined;
    out.add(name);
  }
  return [...out];
}
