// Apollo Federation entities: `type User @key(fields: "id") @batch(source: "User")` makes the
// generated `__resolveReference` of User load through UserSource, keyed by the representation's
// @key fields, so every representation of one `_entities` call lands in one fetch. This file
// reads the type-level @batch and the @key next to it (their form, then their meaning against
// the schema and the mapper); plan.ts puts the result in with the source's other uses.
import {
  type ConstDirectiveNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  print,
} from 'graphql';
import type { ParsedBatchConfig } from './config.js';
import {
  describeKeyType,
  type KeyType,
  type ModelLookup,
  resolvePathKey,
  sameKeyType,
} from './keys.js';
import type { LocationIndex } from './locations.js';
import { type TypeRef, typeName } from './plan-types.js';
import type { Problem, SdlLocation } from './problems.js';

/** A well-formed `@batch` on an entity type, with its @key read. */
export interface CollectedEntity {
  readonly type: GraphQLObjectType;
  readonly source: string;
  /** The @key's fields, in the order written (`"orgId id"` → `["orgId", "id"]`). */
  readonly keyFields: readonly string[];
  /** The type-level @batch. */
  readonly at: () => SdlLocation | undefined;
}

/** What the plan needs of an entity's key: the Source's key type and how to compare it. */
export interface EntityKey {
  /** `FederationReferenceTypes['User']['id']`, or a `Pick<…>` of several fields. */
  readonly type: TypeRef;
  /** A multi-field key is composite: it agrees with a field's composite key of the same parts. */
  readonly keyType: KeyType;
  /** `@key(fields: "id")`, for the source's doc comment and messages. */
  readonly text: string;
}

const SOURCE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const FIELD_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

const directivesOf = (type: GraphQLNamedType, name: string): ConstDirectiveNode[] =>
  [type.astNode, ...type.extensionASTNodes].flatMap((node) =>
    (node?.directives ?? []).filter((d) => d.name.value === name),
  );

/** Every `@batch` on an object type; each problem points at that @batch. */
export function collectEntities(
  schema: GraphQLSchema,
  index: LocationIndex,
): { entities: CollectedEntity[]; problems: Problem[] } {
  const entities: CollectedEntity[] = [];
  const problems: Problem[] = [];
  for (const name of Object.keys(schema.getTypeMap()).sort()) {
    const type = schema.getType(name);
    if (!isObjectType(type) || name.startsWith('__')) continue;
    const batches = directivesOf(type, 'batch');
    const first = batches[0];
    if (!first) continue;
    const at = () => index.misplaced(name);
    const before = problems.length;
    const report = (message: string) =>
      problems.push({ location: at(), message: `@batch on type ${name}: ${message}` });

    if (batches.length > 1) {
      report(
        `appears ${batches.length} times; an entity loads from one source. Remedy: keep one @batch.`,
      );
    }
    let source: string | undefined;
    for (const arg of first.arguments ?? []) {
      const value = arg.value;
      if (arg.name.value !== 'source') {
        report(
          `argument "${arg.name.value}" is for fields; on a type, @batch takes only "source", and the key is the fields of its @key. Remedy: remove "${arg.name.value}".`,
        );
      } else if (value.kind !== Kind.STRING) {
        report(`argument "source" must be a string, but got: ${print(value)}.`);
      } else if (!SOURCE_NAME.test(value.value)) {
        report(
          `source must be a PascalCase identifier (it names the generated class "<source>Source"), but got: "${value.value}".`,
        );
      } else source = value.value;
    }
    if (source === undefined && problems.length === before) {
      report('argument "source" is required. Remedy: add source: "<SourceName>".');
    }
    const keyFields = readKey(type, report);
    if (problems.length > before || source === undefined || keyFields === undefined) continue;
    entities.push({ type, source, keyFields, at });
  }
  return { entities, problems };
}

/** The fields of the type's one resolvable @key; reports why there is none. */
function readKey(type: GraphQLObjectType, report: (message: string) => void): string[] | undefined {
  // Only `@key` by that name: typescript-resolvers' federation mode reads no other.
  const keys = directivesOf(type, 'key');
  const resolvable = keys.filter((key) => {
    const arg = key.arguments?.find((a) => a.name.value === 'resolvable');
    return !(arg?.value.kind === Kind.BOOLEAN && arg.value.value === false);
  });
  if (keys.length === 0) {
    report(
      `the type has no @key, so no gateway sends representations of it. Remedy: add @key(fields: "id") (Apollo Federation), or put @batch on the fields that load from the source.`,
    );
    return undefined;
  }
  if (resolvable.length === 0) {
    report(
      `its @key says resolvable: false, so this subgraph resolves no references of ${type.name}. Remedy: drop resolvable: false, or remove @batch.`,
    );
    return undefined;
  }
  if (resolvable.length > 1) {
    report(
      `the type has ${resolvable.length} resolvable @key directives (${resolvable.map((k) => print(k)).join(', ')}); a Source loads by one key type. Remedy: keep one resolvable @key (mark the others resolvable: false).`,
    );
    return undefined;
  }
  const key = resolvable[0] as ConstDirectiveNode;
  const fieldsArg = key.arguments?.find((a) => a.name.value === 'fields');
  if (fieldsArg?.value.kind !== Kind.STRING) {
    report(`its @key needs a string "fields", but got: ${print(key)}.`);
    return undefined;
  }
  const written = fieldsArg.value.value;
  const names = written.split(/[\s,]+/).filter((s) => s !== '');
  if (names.length === 0 || !names.every((n) => FIELD_NAME.test(n))) {
    report(
      `@key(fields: "${written}") selects nested fields or arguments; @batch loads by top-level scalar key fields only. Remedy: key on fields of ${type.name} itself, e.g. @key(fields: "id").`,
    );
    return undefined;
  }
  const fields = type.getFields();
  let ok = true;
  for (const name of names) {
    const field = fields[name];
    if (!field) {
      report(
        `@key field "${name}" is not a field of ${type.name} (its fields: ${Object.keys(fields).sort().join(', ')}). Remedy: fix @key(fields: "${written}").`,
      );
      ok = false;
    } else if (!isNonNullType(field.type) || isListType(field.type.ofType)) {
      report(
        `@key field "${name}" is ${String(field.type)}; @batch keys an entity by non-null scalar fields. Remedy: make ${type.name}.${name} non-null, e.g. ${String(getNamedType(field.type))}!.`,
      );
      ok = false;
    } else if (!isScalarType(field.type.ofType) && !isEnumType(field.type.ofType)) {
      report(
        `@key field "${name}" is the object type ${String(field.type)}; @batch keys an entity by scalar fields. Remedy: key on a scalar field.`,
      );
      ok = false;
    }
  }
  return ok ? names : undefined;
}

/**
 * The Source key of an entity, typed from its representation (as typescript-resolvers types the
 * `reference` of `__resolveReference`: the @key fields of the GraphQL type). Each key field must
 * also be on the mapper with the same type: the Source's values are mapper objects, and the
 * entity's key fields (which the gateway reads back to join other subgraphs) resolve from them.
 */
export function entityKey(
  entity: CollectedEntity,
  models: ModelLookup,
  config: Pick<ParsedBatchConfig, 'typesImport' | 'convertName'>,
  problems: Problem[],
): EntityKey | undefined {
  const { type, keyFields } = entity;
  const text = `@key(fields: "${keyFields.join(' ')}")`;
  const report = (message: string) => {
    problems.push({ location: entity.at(), message: `@batch on type ${type.name}: ${message}` });
    return undefined;
  };
  const representation = representationKeyTypes(type, keyFields, models);
  let ok = true;
  for (const [name, keyType] of representation) {
    const onModel = resolvePathKey(type, [name], models, name);
    if ('message' in onModel) {
      ok = false;
      report(
        `${text}: the Source's values must carry the key field too, but ${onModel.message.replace(/^key "[^"]*": /, '').replace(/ Remedy: .*$/, '')} Remedy: add "${name}" to the mapper type.`,
      );
      continue;
    }
    const agrees = onModel.keyType && sameKeyType(onModel.keyType, keyType, models.probe);
    if (agrees === false) {
      ok = false;
      report(
        `${text}: the representation's "${name}" is ${describeKeyType(keyType)}, but the mapper ${models.describe(type.name)} has "${name}" of type ${describeKeyType(onModel.keyType)}; the Source would get keys of one type from the gateway and of the other from its fields. Remedy: give the mapper's "${name}" the type of ${type.name}.${name} (config "scalars" sets a scalar's TypeScript type).`,
      );
    }
  }
  if (!ok) return undefined;
  const reference: TypeRef = {
    kind: 'index',
    of: typeName(ref(config, config.convertName('FederationReferenceTypes'))),
    key: type.name,
  };
  const single = keyFields.length === 1 ? (keyFields[0] as string) : undefined;
  const partType = (name: string) => representation.get(name) as KeyType;
  return {
    type: single
      ? { kind: 'index', of: reference, key: single }
      : { kind: 'pick', of: reference, keys: keyFields },
    keyType: single
      ? partType(single)
      : { kind: 'composite', parts: keyFields.map((name) => ({ name, type: partType(name) })) },
    text,
  };
}

const ref = (config: Pick<ParsedBatchConfig, 'typesImport'>, name: string) =>
  config.typesImport ? `Types.${name}` : name;

/** How the generated types type each key field of a representation (the output side). */
function representationKeyTypes(
  type: GraphQLObjectType,
  keyFields: readonly string[],
  models: ModelLookup,
): Map<string, KeyType> {
  const result = new Map<string, KeyType>();
  for (const name of keyFields) {
    const named = getNamedType(type.getFields()[name]?.type) as GraphQLNamedType;
    const scalar = isScalarType(named) ? models.scalar(named.name, 'output') : undefined;
    result.set(name, scalar ? { kind: 'scalar', scalar } : { kind: 'graphql', name: named.name });
  }
  return result;
}
