// The key of one use, in each of its forms: one value (a property path or `$args.x`), a
// composite of several (an object key), or the parent object itself (`$parent`). Decides the
// key's TypeScript type, nullability and list-ness, and the KeyPlan that the wrapper and the
// prefetch plan are both rendered from.
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import {
  type KeyType,
  type ModelLookup,
  type ResolvedKey,
  resolveArgsKey,
  resolvePathKey,
} from './keys.js';
import {
  type KeyPart,
  type KeyPlan,
  type KeyValue,
  nonNull,
  type TypeRef,
  typeName,
} from './plan-types.js';

export interface PlannedKey {
  readonly plan: KeyPlan;
  /** As written, for messages and the source's doc comment: `authorId`, `[orgId, userId]`. */
  readonly text: string;
  /** undefined: unknown (an unchecked mapper). */
  readonly list: boolean | undefined;
  /** May the key (or any part of it) be null or undefined? undefined: unknown. */
  readonly nullable: boolean | undefined;
  readonly itemsNullable: boolean | undefined;
  /** Type of the key as the parent or args hold it (may include null); per item for a list. */
  readonly typeExpr: TypeRef;
  /** The source's key type for a one-value load, null and undefined taken out. */
  readonly nonNullType: TypeRef;
  readonly keyType: KeyType | undefined;
  /** The arguments read by the key: they are not batch parameters. */
  readonly arguments: ReadonlySet<string>;
}

export type KeyFailure = { readonly message: string; readonly argument?: 'key' };

export function planKey(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  written: readonly string[],
  models: ModelLookup,
  isRoot: boolean,
): PlannedKey | KeyFailure {
  if (written.length === 1 && written[0] === '$parent') {
    if (isRoot && models.kind(parent.name) === 'graphql') return rootFailure('$parent', parent);
    const model = typeName(models.expr(parent.name));
    return {
      plan: { kind: 'parent' },
      text: '$parent',
      list: false,
      nullable: false,
      itemsNullable: false,
      typeExpr: model,
      nonNullType: model,
      keyType: { kind: 'parent', model: models.expr(parent.name) },
      arguments: new Set(),
    };
  }
  const resolved: ResolvedKey[] = [];
  for (const part of written) {
    const one = resolveOne(parent, field, part, models, isRoot);
    if ('message' in one) {
      if (written.length === 1) return one;
      return { message: `composite key [${written.join(', ')}], part ${one.message}` };
    }
    resolved.push(one);
  }
  if (written.length === 1) {
    const key = resolved[0] as ResolvedKey;
    return {
      plan: { kind: 'value', value: keyValue(key) },
      text: written[0] as string,
      list: key.list,
      nullable: key.nullable,
      itemsNullable: key.itemsNullable,
      typeExpr: key.typeExpr,
      nonNullType: key.nullable === false ? key.typeExpr : nonNull(key.typeExpr),
      keyType: key.keyType,
      arguments: new Set(key.argument ? [key.argument.name] : []),
    };
  }
  return composite(parent, written, resolved, models);
}

function composite(
  parent: GraphQLObjectType,
  written: readonly string[],
  resolved: readonly ResolvedKey[],
  models: ModelLookup,
): PlannedKey | KeyFailure {
  const text = `[${written.join(', ')}]`;
  const parts: KeyPart[] = [];
  const members: { name: string; type: TypeRef }[] = [];
  for (const [i, key] of resolved.entries()) {
    const part = written[i] as string;
    const name = key.path.at(-1) as string;
    const clash = parts.find((p) => p.name === name);
    if (clash) {
      return {
        message: `composite key ${text}: two parts name the property "${name}" of the key object. Remedy: key on each property once.`,
      };
    }
    if (key.list === true) {
      return {
        message: `composite key ${text}: part "${part}" is a list; each part of a composite key is one value. Remedy: key on single values, or load the list with key: "${part}".`,
      };
    }
    const nullable = key.nullable !== false;
    parts.push({ name, value: keyValue(key), nullable });
    members.push({ name, type: nullable ? nonNull(key.typeExpr) : key.typeExpr });
  }
  // The parent's own top-level, non-null properties: the key is a Pick of its mapper.
  const picked = resolved.every((k) => !k.fromArgs && k.path.length === 1 && k.nullable === false);
  const nonNullType: TypeRef = picked
    ? { kind: 'pick', of: typeName(models.expr(parent.name)), keys: parts.map((p) => p.name) }
    : { kind: 'object', members };
  const unknown = resolved.some((k) => k.nullable === undefined);
  return {
    plan: { kind: 'composite', parts },
    text,
    list: false,
    nullable: unknown ? undefined : parts.some((p) => p.nullable),
    itemsNullable: false,
    typeExpr: nonNullType,
    nonNullType,
    keyType: {
      kind: 'composite',
      parts: parts.map((p, i) => ({ name: p.name, type: resolved[i]?.keyType })),
    },
    arguments: new Set(resolved.flatMap((k) => (k.argument ? [k.argument.name] : []))),
  };
}

function resolveOne(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  written: string,
  models: ModelLookup,
  isRoot: boolean,
): ResolvedKey | KeyFailure {
  if (written.startsWith('$args.'))
    return resolveArgsKey(parent, field, written.slice('$args.'.length), models);
  if (isRoot && models.kind(parent.name) === 'graphql') return rootFailure(written, parent);
  return resolvePathKey(parent, written.split('.'), models, written);
}

function rootFailure(written: string, parent: GraphQLObjectType): KeyFailure {
  return {
    message: `key "${written}" reads the parent value, but ${parent.name} is a root type whose parent is the rootValue. Remedy: key on an argument, key: "$args.<argument>".`,
  };
}

function keyValue(key: ResolvedKey): KeyValue {
  if (key.fromArgs) return { from: 'args', name: key.path[0] as string };
  return {
    from: 'parent',
    path: key.path.map((name, i) => ({
      name,
      optional: i > 0 && key.stepMaybeNull[i - 1] === true,
    })),
  };
}
