// Resolves a @batch key to where it lives: a property path on the parent's model (the GraphQL
// type, or its mapper read with ts-morph) or a field argument. Produces what the plan needs:
// nullability, list-ness, the key's TypeScript type expression and a type to compare uses by.
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { MapperProbe, TsType } from './mapper-types.js';
import { nonNull, type TypeRef, typeName } from './plan-types.js';
import {
  isPlainTypeText,
  normalizeTypeText,
  type ScalarLookup,
  type ScalarSide,
} from './scalars.js';

/**
 * What two uses of a source compare their keys by: the TypeScript type the generated resolver
 * types give the key. A scalar is typed by config "scalars" (input side for an argument, output
 * side for a parent field); an enum or object type by its name; a mapper's property by ts-morph.
 */
export type KeyType =
  | { readonly kind: 'graphql'; readonly name: string }
  | { readonly kind: 'scalar'; readonly scalar: ScalarSide }
  | { readonly kind: 'ts'; readonly ts: TsType }
  /** A composite key: its parts by name, each typed as a single key. */
  | {
      readonly kind: 'composite';
      readonly parts: readonly { readonly name: string; readonly type: KeyType | undefined }[];
    }
  /** `$parent`: the parent model (uses from several parent types key by their union). */
  | { readonly kind: 'parent'; readonly model: string };

export interface ResolvedKey {
  readonly fromArgs: boolean;
  /** Property names, or the argument name for `$args.x`. */
  readonly path: readonly string[];
  /** undefined: unknown (an unchecked mapper). */
  readonly list: boolean | undefined;
  readonly nullable: boolean | undefined;
  readonly itemsNullable: boolean | undefined;
  /** Per segment: may the value at that step be null/undefined (true or unknown)? */
  readonly stepMaybeNull: readonly boolean[];
  /** Type of the key as the parent or args hold it (may include null). */
  readonly typeExpr: TypeRef;
  readonly keyType: KeyType | undefined;
  readonly argument: GraphQLArgument | undefined;
}

export type KeyFailure = { readonly message: string };

/** How the parent's model is typed, as typescript-resolvers sees it. */
export interface ModelLookup {
  /** 'mapper': a specific external mapper (checkable); 'opaque': mapped but not checkable. */
  kind(typeName: string): 'graphql' | 'mapper' | 'opaque';
  /** The TS expression of the model: `PostRow` or `ResolversParentTypes['Post']`. */
  expr(typeName: string): string;
  /** `../models#PostRow`, for messages. */
  describe(typeName: string): string;
  argsType(parent: string, field: string): string;
  readonly scalar: ScalarLookup;
  readonly probe: MapperProbe | undefined;
}

function graphqlKeyType(
  type: GraphQLNamedType,
  side: 'input' | 'output',
  models: ModelLookup,
): KeyType {
  const scalar = isScalarType(type) ? models.scalar(type.name, side) : undefined;
  return scalar ? { kind: 'scalar', scalar } : { kind: 'graphql', name: type.name };
}

const index = (expr: TypeRef, maybeNull: boolean, segment: string): TypeRef => ({
  kind: 'index',
  of: maybeNull ? nonNull(expr) : expr,
  key: segment,
});

export function resolveArgsKey(
  parent: GraphQLObjectType | GraphQLInterfaceType,
  field: GraphQLField<unknown, unknown>,
  name: string,
  models: ModelLookup,
): ResolvedKey | KeyFailure {
  const argument = field.args.find((a) => a.name === name);
  if (!argument) {
    const names = field.args.map((a) => a.name);
    return {
      message: `key "$args.${name}" names no argument of ${parent.name}.${field.name} (${names.length ? `its arguments: ${names.join(', ')}` : 'it has no arguments'}). Remedy: add the argument "${name}" to the field or fix the key.`,
    };
  }
  const nullable = !isNonNullType(argument.type);
  const inner = isNonNullType(argument.type) ? argument.type.ofType : argument.type;
  const list = isListType(inner);
  return {
    fromArgs: true,
    path: [name],
    list,
    nullable,
    itemsNullable: list ? !isNonNullType(inner.ofType) : false,
    stepMaybeNull: [nullable],
    typeExpr: index(typeName(models.argsType(parent.name, field.name)), false, name),
    keyType: graphqlKeyType(getNamedType(argument.type), 'input', models),
    argument,
  };
}

export function resolvePathKey(
  parent: GraphQLObjectType | GraphQLInterfaceType,
  path: readonly string[],
  models: ModelLookup,
  written: string,
): ResolvedKey | KeyFailure {
  let type: GraphQLNamedType = parent;
  let expr = typeName(models.expr(parent.name));
  const stepMaybeNull: boolean[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as string;
    const kind = models.kind(type.name);
    const rest = path.slice(i);
    if (kind !== 'graphql') {
      const probe = models.probe;
      if (kind === 'opaque' || !probe || probe.failure(type.name) !== undefined) {
        // Not checkable here; tsc checks the emitted access against the mapper type.
        for (const s of rest) {
          expr = index(expr, stepMaybeNull.at(-1) ?? false, s);
          stepMaybeNull.push(true);
        }
        return unknownKey(path, stepMaybeNull, expr);
      }
      const walked = probe.walk(type.name, rest);
      if (!walked.ok) {
        const missing = rest[walked.segment] as string;
        return {
          message: `key "${written}": "${missing}" is not a property of ${walked.onType} (the mapper of ${type.name}: ${models.describe(type.name)}; its properties: ${walked.available.join(', ') || 'none'}). Remedy: fix the key or add "${missing}" to the mapper type.`,
        };
      }
      for (const [j, s] of rest.entries()) {
        expr = index(expr, stepMaybeNull.at(-1) ?? false, s);
        stepMaybeNull.push(walked.stepNullable[j] ?? true);
      }
      return {
        fromArgs: false,
        path,
        list: walked.list,
        nullable: stepMaybeNull.some(Boolean),
        itemsNullable: walked.itemsNullable,
        stepMaybeNull,
        typeExpr: expr,
        keyType: { kind: 'ts', ts: walked.keyType },
        argument: undefined,
      };
    }
    if (!isObjectType(type) && !isInterfaceType(type)) {
      return {
        message: `key "${written}": ${path.slice(0, i).join('.')} is of type ${type.name}, which has no property "${segment}". Remedy: fix the key.`,
      };
    }
    const fields: Record<string, GraphQLField<unknown, unknown>> = type.getFields();
    const next: GraphQLField<unknown, unknown> | undefined = fields[segment];
    if (!next) {
      return {
        message: `key "${written}": "${segment}" is not a field of ${type.name} (its fields: ${Object.keys(fields).sort().join(', ')}), and ${type.name} has no mapper to look in. Remedy: fix the key, or map ${type.name} to a model type that has "${segment}" (config "mappers").`,
      };
    }
    const nullable = !isNonNullType(next.type);
    const inner = isNonNullType(next.type) ? next.type.ofType : next.type;
    expr = index(expr, stepMaybeNull.at(-1) ?? false, segment);
    stepMaybeNull.push(nullable);
    const last = i === path.length - 1;
    if (isListType(inner) && !last) {
      return {
        message: `key "${written}": ${type.name}.${segment} is a list, so the path cannot continue past it. Remedy: key on a scalar or a list of scalars.`,
      };
    }
    type = getNamedType(next.type) as GraphQLNamedType;
    if (last) {
      return {
        fromArgs: false,
        path,
        list: isListType(inner),
        nullable: stepMaybeNull.some(Boolean),
        itemsNullable: isListType(inner) ? !isNonNullType(inner.ofType) : false,
        stepMaybeNull,
        typeExpr: expr,
        keyType: graphqlKeyType(type, 'output', models),
        argument: undefined,
      };
    }
  }
  return unknownKey(path, stepMaybeNull, expr);
}

function unknownKey(path: readonly string[], stepMaybeNull: boolean[], expr: TypeRef): ResolvedKey {
  return {
    fromArgs: false,
    path,
    list: undefined,
    nullable: undefined,
    itemsNullable: undefined,
    stepMaybeNull,
    typeExpr: expr,
    keyType: undefined,
    argument: undefined,
  };
}

/** Do two key types agree? undefined when it cannot be told here (tsc checks the output). */
export function sameKeyType(
  a: KeyType,
  b: KeyType,
  probe: MapperProbe | undefined,
): boolean | undefined {
  if (a.kind === 'parent' || b.kind === 'parent') return a.kind === b.kind;
  if (a.kind === 'composite' || b.kind === 'composite') {
    if (a.kind !== 'composite' || b.kind !== 'composite') return false;
    const names = (t: typeof a) => t.parts.map((p) => p.name).sort();
    if (names(a).join() !== names(b).join()) return false;
    let known = true;
    for (const part of a.parts) {
      const other = b.parts.find((p) => p.name === part.name)?.type;
      const same = part.type && other ? sameKeyType(part.type, other, probe) : undefined;
      if (same === false) return false;
      if (same === undefined) known = false;
    }
    return known ? true : undefined;
  }
  if (a.kind === 'graphql' || b.kind === 'graphql') {
    if (a.kind === 'graphql' && b.kind === 'graphql') return a.name === b.name;
    // An enum or object key next to a scalar key: different types. Next to a mapper's property,
    // the enum's TypeScript type is not in the probe: tsc checks it.
    return a.kind === 'ts' || b.kind === 'ts' ? undefined : false;
  }
  if (a.kind === 'ts' && b.kind === 'ts') return probe ? probe.sameType(a.ts, b.ts) : undefined;
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    const [x, y] = [a.scalar, b.scalar];
    if (x.name === y.name && x.side === y.side) return true;
    if (x.text === undefined || y.text === undefined) return undefined;
    if (normalizeTypeText(x.text) === normalizeTypeText(y.text)) return true;
    const [tx, ty] = [probe?.typeOfText(x.text), probe?.typeOfText(y.text)];
    if (probe && tx && ty) return probe.sameType(tx, ty);
    // Without ts-morph only unions of primitives and literals are told apart here.
    return isPlainTypeText(x.text) && isPlainTypeText(y.text) ? false : undefined;
  }
  const [scalar, ts] = a.kind === 'scalar' ? [a, b] : [b, a];
  if (scalar.kind !== 'scalar' || ts.kind !== 'ts' || !probe || scalar.scalar.text === undefined)
    return undefined;
  const type = probe.typeOfText(scalar.scalar.text);
  return type ? probe.sameType(type, ts.ts) : undefined;
}

export function describeKeyType(type: KeyType | undefined): string {
  if (!type) return 'unknown';
  if (type.kind === 'graphql') return type.name;
  if (type.kind === 'ts') return type.ts.text;
  if (type.kind === 'parent') return `the parent object (${type.model})`;
  if (type.kind === 'composite')
    return `{ ${type.parts.map((p) => `${p.name}: ${describeKeyType(p.type)}`).join('; ')} }`;
  const { name, side, text } = type.scalar;
  return `${name} (${text ?? `Scalars['${name}']['${side}']`})`;
}
