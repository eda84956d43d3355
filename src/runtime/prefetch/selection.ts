// Which fields a selection asks of an object of a given concrete type: graphql-js's
// collectFields (fragment spreads, inline fragments with type conditions, @skip/@include),
// grouped by response key so aliases with different arguments stay apart.
import type { ResolveInfoLike, SelectionNode, SelectionSetNode, TypeLike } from './shapes.js';
import { tagOf } from './shapes.js';
import { isIncluded } from './values.js';

export function collectSubfields(
  info: ResolveInfoLike,
  variables: Readonly<Record<string, unknown>>,
  type: TypeLike,
  fieldNodes: readonly SelectionNode[],
): Map<string, SelectionNode[]> {
  const out = new Map<string, SelectionNode[]>();
  const visited = new Set<string>();
  for (const node of fieldNodes) {
    if (node.selectionSet) collect(info, variables, type, node.selectionSet, out, visited);
  }
  return out;
}

function collect(
  info: ResolveInfoLike,
  variables: Readonly<Record<string, unknown>>,
  type: TypeLike,
  selectionSet: SelectionSetNode,
  out: Map<string, SelectionNode[]>,
  visited: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (!isIncluded(selection, variables)) continue;
    switch (selection.kind) {
      case 'Field': {
        const key = (selection.alias ?? selection.name)?.value as string;
        const list = out.get(key);
        if (list) list.push(selection);
        else out.set(key, [selection]);
        break;
      }
      case 'InlineFragment': {
        const condition = selection.typeCondition?.name.value;
        if (condition !== undefined && !applies(info, condition, type)) continue;
        if (selection.selectionSet)
          collect(info, variables, type, selection.selectionSet, out, visited);
        break;
      }
      case 'FragmentSpread': {
        const name = selection.name?.value as string;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = info.fragments[name];
        if (!fragment || !applies(info, fragment.typeCondition.name.value, type)) continue;
        collect(info, variables, type, fragment.selectionSet, out, visited);
        break;
      }
    }
  }
}

function applies(info: ResolveInfoLike, condition: string, type: TypeLike): boolean {
  if (condition === type.name) return true;
  const conditionType = info.schema.getType(condition);
  if (!conditionType) return false;
  const tag = tagOf(conditionType);
  return (
    (tag === 'GraphQLInterfaceType' || tag === 'GraphQLUnionType') &&
    info.schema.isSubType(conditionType, type)
  );
}

/**
 * The object type of `value` for a field of (named) type `type`, when it can be known without
 * waiting: the type itself, `__typename`, a synchronous `resolveType`, or `isTypeOf`.
 * Undefined means "unknown": prefetch leaves that object to the resolvers.
 */
export function concreteType(
  info: ResolveInfoLike,
  type: TypeLike,
  value: unknown,
  context: unknown,
): TypeLike | undefined {
  const tag = tagOf(type);
  if (tag === 'GraphQLObjectType') return type;
  if (tag !== 'GraphQLInterfaceType' && tag !== 'GraphQLUnionType') return undefined;
  const typename = (value as { __typename?: unknown }).__typename;
  let name: unknown = typeof typename === 'string' ? typename : undefined;
  if (name === undefined && typeof type.resolveType === 'function') {
    try {
      name = type.resolveType.call(type, value, context, info, type);
    } catch {
      return undefined;
    }
  }
  if (typeof name === 'string') {
    const found = info.schema.getType(name);
    return found && tagOf(found) === 'GraphQLObjectType' ? found : undefined;
  }
  if (name !== undefined) return undefined; // a Promise or a type object: leave it to graphql-js
  for (const candidate of info.schema.getPossibleTypes(type)) {
    try {
      const isTypeOf = candidate.isTypeOf;
      if (typeof isTypeOf === 'function' && isTypeOf.call(candidate, value, context, info) === true)
        return candidate;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
