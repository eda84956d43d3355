// Stage 2a: one use of a source, decided. An interface field's @batch is first expanded to
// each implementing object type; then each use's key form, cardinality, null handling, types and
// batch parameters are decided, and every rule of the directive (the README's "The @batch
// directive") that the declaration breaks is reported.

import {
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { renderType } from '../../templates/types.js';
import type { CollectedBatch } from './collect.js';
import type { ParsedBatchConfig } from './config.js';
import type { CollectedEntity } from './entities.js';
import { describeKeyType, type KeyType, type ModelLookup } from './keys.js';
import { type PlannedKey, planKey } from './plan-key.js';
import {
  type LoadPlan,
  nonNull,
  orNull,
  type ResolveHelper,
  type TypeRef,
  typeName,
  type WrapperPlan,
} from './plan-types.js';
import type { Problem } from './problems.js';
import { BUILT_IN_SCALARS } from './scalars.js';

/** A collected @batch on one object type: an interface's is expanded to each implementer. */
export interface Expanded extends CollectedBatch {
  readonly parent: GraphQLObjectType;
  /** The interface whose field carries the @batch, when it is not the object type's own. */
  readonly via: GraphQLInterfaceType | undefined;
}

/**
 * An interface field's @batch applies to the field of every implementing object type (one use
 * each, so each is checked against its own mapper, and all share the source's batches). An
 * implementer that has a @batch of its own on that field, or gets one from two interfaces, is a
 * conflict: two sources for one field.
 */
export function expandInterfaces(input: PlanInput, problems: Problem[]): Expanded[] {
  const own = new Set(
    input.batches
      .filter((b) => isObjectType(b.parent))
      .map((b) => `${b.parent.name}.${b.field.name}`),
  );
  const out: Expanded[] = [];
  /** Object field → the interface whose @batch it got. */
  const fromInterface = new Map<string, GraphQLInterfaceType>();
  for (const batch of input.batches) {
    const { parent, field } = batch;
    if (isObjectType(parent)) {
      out.push({ ...batch, parent, via: undefined });
      continue;
    }
    const implementers = [...input.schema.getPossibleTypes(parent)].sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    if (implementers.length === 0) {
      problems.push({
        location: batch.at(),
        message: `@batch on ${parent.name}.${field.name}: the interface has no implementing object type, so nothing resolves the field. Remedy: implement ${parent.name}, or remove the @batch.`,
      });
    }
    for (const type of implementers) {
      const typeField = type.getFields()[field.name];
      if (!typeField) continue;
      const coordinate = `${type.name}.${field.name}`;
      if (own.has(coordinate)) {
        problems.push({
          location: batch.at(),
          message: `@batch on ${parent.name}.${field.name}: it applies to every implementer, but ${coordinate} has a @batch of its own. Remedy: keep one of the two.`,
        });
        continue;
      }
      const earlier = fromInterface.get(coordinate);
      if (earlier) {
        problems.push({
          location: batch.at(),
          message: `@batch on ${parent.name}.${field.name}: ${type.name} implements both ${earlier.name} and ${parent.name}, whose fields "${field.name}" both have a @batch, so ${coordinate} would load from two sources. Remedy: keep the @batch on one of the interfaces, or put it on ${coordinate} itself.`,
        });
        continue;
      }
      fromInterface.set(coordinate, parent);
      out.push({ ...batch, parent: type, field: typeField, via: parent });
    }
  }
  return out;
}

/** Where a use comes from: a field's @batch (Expanded), or an entity type's (references.ts). */
export interface UseOrigin {
  readonly source: string;
  readonly parent: { readonly name: string };
  readonly field: { readonly name: string };
  readonly via: GraphQLInterfaceType | undefined;
  readonly at: CollectedBatch['at'];
}

/** One use of a source, fully decided. */
export interface Use {
  readonly batch: UseOrigin;
  readonly id: string;
  readonly keyText: string;
  readonly keyType: KeyType | undefined;
  readonly sourceKeyType: TypeRef;
  readonly valueName: string;
  readonly valueType: TypeRef;
  readonly valueShape: string;
  readonly params: readonly {
    name: string;
    required: boolean;
    type: TypeRef;
    signature: string;
  }[];
  readonly wrapper: WrapperPlan;
}

export interface PlanInput {
  readonly schema: GraphQLSchema;
  readonly batches: readonly CollectedBatch[];
  /** Entity types with a type-level @batch (Apollo Federation references). */
  readonly entities?: readonly CollectedEntity[];
  readonly config: ParsedBatchConfig;
  readonly models: ModelLookup;
}

export function typeRef(config: ParsedBatchConfig, name: string): string {
  return config.typesImport ? `Types.${name}` : name;
}

export function planUse(input: PlanInput, batch: Expanded, problems: Problem[]): Use | undefined {
  const { parent, field, many } = batch;
  const id = `${parent.name}.${field.name}`;
  const label = batch.via ? `${batch.via.name}.${field.name} (for ${parent.name})` : id;
  const report = (message: string, argument?: 'source' | 'key' | 'many') => {
    problems.push({ location: batch.at(argument), message: `@batch on ${label}: ${message}` });
    return undefined;
  };
  if (parent === input.schema.getSubscriptionType()) {
    return report(
      'is on a Subscription field, which resolves an event stream, not a batch. Remedy: put @batch on the fields of the event type.',
    );
  }
  const written = batch.key ?? [many ? 'id' : `${field.name}Id`];
  const isRoot =
    parent === input.schema.getQueryType() || parent === input.schema.getMutationType();
  const planned = planKey(parent, field, written, input.models, isRoot);
  if ('message' in planned) {
    const note = batch.key === undefined ? `has no key, so the default was tried: ` : '';
    return report(note + planned.message, 'key');
  }
  const key: PlannedKey = planned;
  const keyName = key.plan.kind === 'composite' ? `key ${key.text}` : `key "${key.text}"`;

  const fieldNullable = !isNonNullType(field.type);
  const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
  const fieldList = isListType(inner);
  const item = fieldList ? inner.ofType : undefined;
  const itemsNullable = item !== undefined && !isNonNullType(item);
  if (item && isListType(isNonNullType(item) ? item.ofType : item)) {
    return report(
      `returns a nested list (${String(field.type)}), which @batch does not load. Remedy: return a flat list.`,
    );
  }
  let helper: ResolveHelper;
  if (many) {
    if (!fieldList)
      return report(
        `many: true loads a list per key, but the field returns ${String(field.type)}. Remedy: return a list, or drop many: true.`,
        'many',
      );
    if (key.list === true)
      return report(
        `many: true needs a single key per parent, but ${keyName} is a list. Remedy: drop many: true to load one value per key (loadAll).`,
        'many',
      );
    helper = 'resolveMany';
  } else if (fieldList) {
    if (key.plan.kind === 'parent') {
      return report(
        `returns a list (${String(field.type)}) but key "$parent" is one value per parent (${renderType(key.nonNullType)}). Remedy: add many: true to load a list of values per parent.`,
        'key',
      );
    }
    if (key.list === false) {
      return report(
        `returns a list (${String(field.type)}) but ${keyName} is a single ${describeKeyType(key.keyType)}. Remedy: add many: true to load a list of values per key, or key on a list of keys.`,
        'key',
      );
    }
    helper = 'resolveEach';
  } else {
    if (key.list === true) {
      return report(
        `${keyName} is a list, but the field returns one ${getNamedType(field.type).name}. Remedy: make the field a list, or key on a single value.`,
        'key',
      );
    }
    helper = fieldNullable ? 'resolveNullable' : 'resolveOne';
  }
  if (key.nullable === true && !fieldNullable) {
    const which =
      key.plan.kind === 'composite'
        ? `part ${key.plan.parts
            .filter((p) => p.nullable)
            .map((p) => `"${p.name}"`)
            .join(', ')} of ${keyName}`
        : keyName;
    return report(
      `${which} can be null or undefined, but the field is non-null (${String(field.type)}). Remedy: make the field nullable, or make the key non-null.`,
      'key',
    );
  }
  if (helper === 'resolveEach' && key.itemsNullable === true) {
    return report(
      `the items of ${keyName} can be null. Remedy: make the key a list of non-null values.`,
      'key',
    );
  }

  const valueName = getNamedType(field.type).name;
  const model = typeName(modelOf(input, valueName));
  // A source may find nothing for a key: its fetch returns null there (rowKey does), and
  // the wrapper turns that into null or a NotFoundError. A many: true source returns [] instead.
  const valueType: TypeRef =
    helper === 'resolveMany'
      ? { kind: 'array', of: itemsNullable ? orNull(model) : model }
      : orNull(model);
  let sourceKeyType = key.nonNullType;
  if (helper === 'resolveEach') {
    sourceKeyType = { kind: 'element', of: sourceKeyType };
    if (key.itemsNullable !== false) sourceKeyType = nonNull(sourceKeyType);
  }

  const params = paramsOf(input, parent.name, field, key.arguments);
  const load: LoadPlan = {
    source: batch.source,
    key: key.plan,
    list: helper === 'resolveEach',
    params: params.map((p) => p.name),
  };
  const wrapper: WrapperPlan = {
    field: field.name,
    helper,
    load,
    nullCheck: fieldNullable && key.nullable !== false,
    batchField: helper === 'resolveOne' || helper === 'resolveEach' ? id : undefined,
    nullableItems: itemsNullable,
  };
  return {
    batch,
    id,
    keyText: key.text,
    keyType: key.keyType,
    sourceKeyType,
    valueName,
    valueType,
    valueShape:
      helper === 'resolveMany' ? `[${valueName}${itemsNullable ? '' : '!'}] (many)` : valueName,
    params,
    wrapper,
  };
}

/** The field's arguments that the key does not read: the source's batch parameters, sorted. */
function paramsOf(
  input: PlanInput,
  parent: string,
  field: GraphQLField<unknown, unknown>,
  keyArguments: ReadonlySet<string>,
): Use['params'] {
  return [...field.args]
    .filter((a) => !keyArguments.has(a.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((a) => {
      // graphql 16 sets `defaultValue`; graphql 17 SDL schemas set `default` (the literal).
      const required =
        isNonNullType(a.type) ||
        a.defaultValue !== undefined ||
        (a as { default?: unknown }).default !== undefined ||
        a.astNode?.defaultValue !== undefined;
      const argsType = typeName(input.models.argsType(parent, field.name));
      const base = nonNull({ kind: 'index', of: argsType, key: a.name });
      return {
        name: a.name,
        required,
        type: required ? base : orNull(base),
        signature: `${a.name}: ${String(a.type).replace(/!$/, '')}${required ? '!' : ''}`,
      };
    });
}

/**
 * The TS type of values of a GraphQL type: an enum's TS enum; a scalar's output type from
 * config "scalars" (`number`; a custom or imported one as `Scalars['X']['output']`); else as
 * typescript-resolvers types the parent (a mapper or `ResolversParentTypes['X']`).
 */
function modelOf(input: PlanInput, typeName: string): string {
  const type = input.schema.getType(typeName);
  if (isEnumType(type)) return typeRef(input.config, input.config.convertName(typeName));
  if (isScalarType(type) && !input.config.mappers[typeName]) {
    const text = BUILT_IN_SCALARS.includes(typeName)
      ? input.models.scalar(typeName, 'output')?.text
      : undefined;
    if (text === undefined) return typeRef(input.config, `Scalars['${typeName}']['output']`);
    return /^[A-Za-z_$][\w$]*$/.test(text) ? text : `(${text})`;
  }
  return input.models.expr(typeName);
}
