// Stage 2: decisions. From the collected directives and the resolved keys, decide each use
// (plan-use.ts: a field's; references.ts: an entity type's), then each source's types from its
// uses, which must agree; report every rule of the directive that a declaration breaks. Pure data in, pure data out (the ts-morph probe is
// read-only).

import { renderType } from '../../templates/types.js';
import type { ImportNeeds } from './imports.js';
import { describeKeyType, type KeyType, sameKeyType } from './keys.js';
import { checkNames } from './names.js';
import type {
  BatchFieldPlan,
  BatchPlan,
  ParentPlan,
  ResolveHelper,
  SourcePlan,
  SourceUse,
  TypeRef,
  WrapperPlan,
} from './plan-types.js';
import { expandInterfaces, type PlanInput, planUse, typeRef, type Use } from './plan-use.js';
import { formatLocation, type Problem } from './problems.js';
import { planReferences } from './references.js';

export { type PlanInput, typeRef } from './plan-use.js';

export function plan(input: PlanInput): {
  plan: BatchPlan;
  needs: ImportNeeds;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const uses: Use[] = [];
  for (const batch of expandInterfaces(input, problems)) {
    const use = planUse(input, batch, problems);
    if (use) uses.push(use);
  }
  const references = planReferences(input, problems);
  const allUses = [...uses, ...references.map((r) => r.use)];

  const sources = new Map<string, Use[]>();
  for (const use of allUses)
    sources.set(use.batch.source, [...(sources.get(use.batch.source) ?? []), use]);
  const sourcePlans: SourcePlan[] = [];
  for (const name of [...sources.keys()].sort()) {
    const group = sources.get(name) as Use[];
    const first = group[0] as Use;
    for (const other of group.slice(1)) checkAgreement(first, other, input, problems);
    // A composite key is typed by its plainest use: an entity's representation (the key the
    // gateway sends), else a `Pick` of the mapper when there is one.
    const typed =
      first.keyType?.kind === 'composite'
        ? (group.find(isReference) ?? group.find((u) => u.sourceKeyType.kind === 'pick') ?? first)
        : first;
    const paramsType: TypeRef | undefined = first.params.length
      ? { kind: 'object', members: first.params.map((p) => ({ name: p.name, type: p.type })) }
      : undefined;
    const parentTypes = new Map(group.map((u) => [renderType(u.sourceKeyType), u.sourceKeyType]));
    // `$parent` uses from several parent types (an interface's implementers) key by the union.
    const byParent = first.keyType?.kind === 'parent';
    sourcePlans.push({
      name,
      className: `${name}Source`,
      keyType: byParent
        ? parentTypes.size === 1
          ? first.sourceKeyType
          : { kind: 'union', members: [...parentTypes.values()] }
        : typed.sourceKeyType,
      identity: byParent ? 'reference' : 'value',
      valueType: first.valueType,
      paramsType,
      contextType: input.config.sourceContextType,
      uses: group.map((u) => ({ field: u.id, key: u.keyText, notFound: notFound(u.wrapper) })),
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
  const helpers = new Set<ResolveHelper>(allUses.map((u) => u.wrapper.helper));
  const mapped = new Set<string>();
  for (const use of allUses) {
    mapped.add(use.batch.parent.name);
    mapped.add(use.valueName);
  }
  const needs: ImportNeeds = {
    helpers,
    batchField: batchFields.length > 0,
    batchParams: uses.some((u) => u.params.length > 0),
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

/** An entity's `__resolveReference` (references.ts), not a field's @batch. */
const isReference = (use: Use) => use.wrapper.field === '__resolveReference';

/** What a field makes of a null value from its source (a `many: true` field: nothing). */
function notFound(wrapper: WrapperPlan): SourceUse['notFound'] {
  if (wrapper.helper === 'resolveMany') return undefined;
  const nullable =
    wrapper.helper === 'resolveNullable' ||
    (wrapper.helper === 'resolveEach' && wrapper.nullableItems);
  return nullable ? 'null' : 'NotFoundError';
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
  const via = other.batch.via;
  // The entity's uses come after the fields' (plan()), so `other` is the one to move.
  const own = isReference(other) ? 'the entity' : 'this field';
  const conflict = (what: string, a: string, b: string, remedy: string) =>
    problems.push({
      location: other.batch.at('source'),
      // One interface @batch expanded to implementers that disagree: name the implementers.
      message:
        via && first.batch.via === via
          ? `@batch on ${via.name}.${other.batch.field.name}: its implementers disagree on the ${what}: ${first.batch.parent.name} has ${a}, ${other.batch.parent.name} has ${b}. Remedy: make the implementers agree (their mappers, their fields), or put @batch on each implementer's field with a source of its own.`
          : `@batch on ${other.id}: source "${other.batch.source}" is used with another ${what}: ${place(first)} has ${a}, ${place(other)} has ${b}. Remedy: ${remedy}`,
    });
  if (first.valueShape !== other.valueShape) {
    conflict(
      'value type',
      first.valueShape,
      other.valueShape,
      `use one value type per source, or give ${own} its own source.`,
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
      `key every use by the same type${scalarHint(first.keyType, other.keyType)}, or give ${own} its own source.`,
    );
  }
  const sig = (u: Use) =>
    u.params.length ? `(${u.params.map((p) => p.signature).join(', ')})` : 'no batch parameters';
  if (sig(first) !== sig(other)) {
    conflict(
      'set of batch parameters',
      sig(first),
      sig(other),
      `give the fields the same arguments (besides a $args key), or give ${own} its own source.`,
    );
  }
}
