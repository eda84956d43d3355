// Stage 2: decisions. From the collected directives and the resolved keys, decide each source's
// types, each wrapper's helper and null handling, and report every rule of the directive (the
// README's "The @batch directive") that a declaration breaks. Pure data in, pure data out (the
// ts-morph probe is read-only).
import {
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { CollectedBatch } from './collect.js';
import type { ParsedBatchConfig } from './config.js';
import type { CollectedEntity } from './entities.js';
import type { ImportNeeds } from './imports.js';
import {
  describeKeyType,
  type KeyType,
  type ModelLookup,
  type ResolvedKey,
  resolveArgsKey,
  resolvePathKey,
  sameKeyType,
} from './keys.js';
import { checkNames } from './names.js';
import type {
  BatchFieldPlan,
  BatchPlan,
  ParentPlan,
  ResolveHelper,
  SourcePlan,
  WrapperPlan,
} from './plan-types.js';
import { formatLocation, type Problem } from './problems.js';
import { planReferences } from './references.js';
import { BUILT_IN_SCALARS } from './scalars.js';

/** Where a use comes from: a field's @batch, or an entity type's (references.ts). */
export interface UseOrigin {
  readonly source: string;
  readonly parent: { readonly name: string };
  readonly field: { readonly name: string };
  readonly at: CollectedBatch['at'];
}

/** One use of a source, fully decided. */
export interface Use {
  readonly batch: UseOrigin;
  readonly id: string;
  readonly keyText: string;
  readonly keyType: KeyType | undefined;
  readonly sourceKeyType: string;
  readonly valueName: string;
  readonly valueType: string;
  readonly valueShape: string;
  readonly params: readonly {
    name: string;
    required: boolean;
    type: string;
    signature: string;
    expr: string;
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

export function plan(input: PlanInput): {
  plan: BatchPlan;
  needs: ImportNeeds;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const uses: Use[] = [];
  for (const batch of input.batches) {
    const use = planUse(input, batch, problems);
    if (use) uses.push(use);
  }

  const references = planReferences(input, uses, problems);
  const sources = new Map<string, Use[]>();
  for (const use of [...uses, ...references.map((r) => r.use)])
    sources.set(use.batch.source, [...(sources.get(use.batch.source) ?? []), use]);
  const sourcePlans: SourcePlan[] = [];
  for (const name of [...sources.keys()].sort()) {
    const group = sources.get(name) as Use[];
    const first = group[0] as Use;
    for (const other of group.slice(1)) checkAgreement(first, other, input, problems);
    const paramsType = first.params.length
      ? `{ ${first.params.map((p) => `${p.name}: ${p.type}`).join('; ')} }`
      : undefined;
    sourcePlans.push({
      name,
      className: `${name}Source`,
      keyType: first.sourceKeyType,
      valueType: first.valueType,
      paramsType,
      contextType: input.config.sourceContextType,
      uses: group.map((u) => `${u.id} (key: ${u.keyText})${missingNote(u.wrapper)}`),
      // Why a non-null field's source still has `| null` in its value type.
      notes: first.wrapper.helper === 'resolveMany' ? [] : NULL_NOTE,
    });
  }

  const parents = new Map<string, WrapperPlan[]>();
  const batchFields: BatchFieldPlan[] = [];
  for (const use of uses) {
    const parent = use.batch.parent.name;
    parents.set(parent, [...(parents.get(parent) ?? []), use.wrapper]);
    if (use.wrapper.batchField) {
      batchFields.push({
        id: use.id,
        parentType: parent,
        field: use.batch.field.name,
        typeName: use.valueName,
        source: use.batch.source,
      });
    }
  }
  for (const r of references) if (!parents.has(r.typeName)) parents.set(r.typeName, []);
  const parentPlans: ParentPlan[] = [...parents.keys()].sort().map((typeName) => ({
    typeName,
    fields: [...(parents.get(typeName) ?? [])].sort((a, b) => (a.field < b.field ? -1 : 1)),
    reference: references.find((r) => r.typeName === typeName)?.plan,
  }));
  const allUses = [...uses, ...references.map((r) => r.use)];
  const helpers = new Set<ResolveHelper>(allUses.map((u) => u.wrapper.helper));
  const mapped = new Set<string>();
  for (const use of allUses) {
    mapped.add(use.batch.parent.name);
    mapped.add(use.valueName);
  }
  const needs: ImportNeeds = {
    helpers,
    batchField: batchFields.length > 0,
    modelTypes: mapped,
    entities: references.length > 0,
  };
  checkNames(input, sourcePlans, sources, needs, problems);
  return {
    plan: {
      imports: [],
      sources: sourcePlans,
      batchFields: batchFields.sort((a, b) => (a.id < b.id ? -1 : 1)),
      parents: parentPlans,
      resolversType: typeRef(input.config, input.config.convertName('Resolvers')),
      resolverFnType: typeRef(input.config, 'ResolverFn'),
      dataloaderField: input.config.dataloaderField,
    },
    needs,
    problems,
  };
}

export function typeRef(config: ParsedBatchConfig, name: string): string {
  return config.typesImport ? `Types.${name}` : name;
}

function planUse(input: PlanInput, batch: CollectedBatch, problems: Problem[]): Use | undefined {
  const { parent, field, many } = batch;
  const id = `${parent.name}.${field.name}`;
  const report = (message: string, argument?: 'source' | 'key' | 'many') => {
    problems.push({ location: batch.at(argument), message: `@batch on ${id}: ${message}` });
    return undefined;
  };
  if (parent === input.schema.getSubscriptionType()) {
    return report(
      'is on a Subscription field, which resolves an event stream, not a batch. Remedy: put @batch on the fields of the event type.',
    );
  }
  const written = batch.key ?? (many ? 'id' : `${field.name}Id`);
  const isRoot =
    parent === input.schema.getQueryType() || parent === input.schema.getMutationType();
  let resolved: ReturnType<typeof resolvePathKey>;
  if (written.startsWith('$args.')) {
    resolved = resolveArgsKey(parent, field, written.slice('$args.'.length), input.models);
  } else if (isRoot && input.models.kind(parent.name) === 'graphql') {
    return report(
      `key "${written}" reads the parent value, but ${parent.name} is a root type whose parent is the rootValue. Remedy: key on an argument, key: "$args.<argument>".`,
      'key',
    );
  } else {
    resolved = resolvePathKey(parent, written.split('.'), input.models, written);
  }
  if ('message' in resolved) {
    const note = batch.key === undefined ? `has no key, so the default was tried: ` : '';
    return report(note + resolved.message, 'key');
  }
  const key: ResolvedKey = resolved;

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
        `many: true needs a single key per parent, but key "${written}" is a list. Remedy: drop many: true to load one value per key (loadAll).`,
        'many',
      );
    helper = 'resolveMany';
  } else if (fieldList) {
    if (key.list === false) {
      return report(
        `returns a list (${String(field.type)}) but key "${written}" is a single ${describeKeyType(key.keyType)}. Remedy: add many: true to load a list of values per key, or key on a list of keys.`,
        'key',
      );
    }
    helper = 'resolveEach';
  } else {
    if (key.list === true) {
      return report(
        `key "${written}" is a list, but the field returns one ${getNamedType(field.type).name}. Remedy: make the field a list, or key on a single value.`,
        'key',
      );
    }
    helper = fieldNullable ? 'resolveNullable' : 'resolveOne';
  }
  if (key.nullable === true && !fieldNullable) {
    return report(
      `key "${written}" can be null or undefined, but the field is non-null (${String(field.type)}). Remedy: make the field nullable, or make the key non-null.`,
      'key',
    );
  }
  if (helper === 'resolveEach' && key.itemsNullable === true) {
    return report(
      `the items of key "${written}" can be null. Remedy: make the key a list of non-null values.`,
      'key',
    );
  }

  const valueName = getNamedType(field.type).name;
  const model = modelOf(input, valueName);
  // A source may find nothing for a key: its fetch returns null there (orderByKeys does), and
  // the wrapper turns that into null or a NotFoundError. A many: true source returns [] instead.
  const valueType =
    helper === 'resolveMany'
      ? itemsNullable
        ? `Array<${model} | null>`
        : `${model}[]`
      : `${model} | null`;
  let sourceKeyType = key.nullable === false ? key.typeExpr : `NonNullable<${key.typeExpr}>`;
  if (helper === 'resolveEach') {
    sourceKeyType = `${sourceKeyType}[number]`;
    if (key.itemsNullable !== false) sourceKeyType = `NonNullable<${sourceKeyType}>`;
  }

  const params = [...field.args]
    .filter((a) => a !== key.argument)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((a) => {
      // graphql 16 sets `defaultValue`; graphql 17 SDL schemas set `default` (the literal).
      const required =
        isNonNullType(a.type) ||
        a.defaultValue !== undefined ||
        (a as { default?: unknown }).default !== undefined ||
        a.astNode?.defaultValue !== undefined;
      const base = `NonNullable<${input.models.argsType(parent.name, field.name)}['${a.name}']>`;
      return {
        name: a.name,
        required,
        type: required ? base : `${base} | null`,
        signature: `${a.name}: ${String(a.type).replace(/!$/, '')}${required ? '!' : ''}`,
        expr: required ? `args.${a.name}` : `args.${a.name} ?? null`,
      };
    });

  const access = key.fromArgs
    ? `args.${key.path[0]}`
    : `parent${key.path.map((s, i) => `${i > 0 && key.stepMaybeNull[i - 1] ? '?.' : '.'}${s}`).join('')}`;
  const wrapper: WrapperPlan = {
    field: field.name,
    source: batch.source,
    helper,
    loadMethod: helper === 'resolveEach' ? 'loadAll' : 'load',
    keyExpr: access,
    nullCheck: fieldNullable && key.nullable !== false,
    usesParent: !key.fromArgs,
    usesArgs: key.fromArgs || params.length > 0,
    params: params.map((p) => ({ name: p.name, expr: p.expr })),
    batchField: helper === 'resolveOne' || helper === 'resolveEach' ? id : undefined,
    // Optional arguments without a default are passed as `args.x ?? null`; the runtime's
    // prefetch passes an omitted one as null too, so both reach the same Source instance.
    prefetch: {
      keyPath: key.fromArgs ? undefined : key.path,
      keyArg: key.fromArgs ? key.path[0] : undefined,
      list: helper === 'resolveEach',
      params: params.map((p) => p.name),
    },
    nullableItems: itemsNullable,
  };
  return {
    batch,
    id,
    keyText: written,
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

const NULL_NOTE = [
  '`| null` in the value type: fetch returns null for a key it finds nothing for (orderByKeys',
  'does); "not found" above is what each field then resolves.',
];

/** What a field makes of a null value from its source. */
function missingNote(wrapper: WrapperPlan): string {
  if (wrapper.helper === 'resolveMany') return '';
  const nullable =
    wrapper.helper === 'resolveNullable' ||
    (wrapper.helper === 'resolveEach' && wrapper.nullableItems);
  return `; not found: ${nullable ? 'null' : 'NotFoundError'}`;
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

/** Where a scalar key's TypeScript type comes from, for the remedy. */
function scalarHint(...types: (KeyType | undefined)[]): string {
  const names = [...new Set(types.flatMap((t) => (t?.kind === 'scalar' ? [t.scalar.name] : [])))];
  return names.length
    ? ` (config "scalars" sets the TypeScript type of ${names.join(' and ')})`
    : '';
}

function place(use: Use): string {
  const at = use.batch.at('source');
  return at ? `${use.id} (${formatLocation(at)})` : use.id;
}

function checkAgreement(first: Use, other: Use, input: PlanInput, problems: Problem[]): void {
  const conflict = (what: string, a: string, b: string, remedy: string) =>
    problems.push({
      location: other.batch.at('source'),
      message: `@batch on ${other.id}: source "${other.batch.source}" is used with another ${what}: ${place(first)} has ${a}, ${place(other)} has ${b}. Remedy: ${remedy}`,
    });
  if (first.valueShape !== other.valueShape) {
    conflict(
      'value type',
      first.valueShape,
      other.valueShape,
      'use one value type per source, or give this field its own source.',
    );
  }
  if (
    first.keyType &&
    other.keyType &&
    sameKeyType(first.keyType, other.keyType, input.models.probe) === false
  ) {
    conflict(
      'key type',
      `key ${first.keyText}: ${describeKeyType(first.keyType)}`,
      `key ${other.keyText}: ${describeKeyType(other.keyType)}`,
      `key every use by the same type${scalarHint(first.keyType, other.keyType)}, or give this field its own source.`,
    );
  }
  const sig = (u: Use) =>
    u.params.length ? `(${u.params.map((p) => p.signature).join(', ')})` : 'no batch parameters';
  if (sig(first) !== sig(other)) {
    conflict(
      'set of batch parameters',
      sig(first),
      sig(other),
      'give the fields the same arguments (besides a $args key), or give this field its own source.',
    );
  }
}
