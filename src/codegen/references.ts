// The plan of each entity reference (entities.ts): a use of its source like a field's, so every
// use of one source agrees on key and value types, plus the `__resolveReference` to emit. Its
// load is a LoadPlan like a field's, its key read from the representation: one @key field is a
// value key, several a composite key (which a field's composite key of the same parts shares).
import { type CollectedEntity, type EntityKey, entityKey } from './entities.js';
import type { KeyPlan, LoadPlan, ReferencePlan } from './plan-types.js';
import { orNull, typeName } from './plan-types.js';
import type { PlanInput, Use } from './plan-use.js';
import type { Problem } from './problems.js';

export interface PlannedReference {
  readonly typeName: string;
  readonly use: Use;
  readonly plan: ReferencePlan;
}

export function planReferences(input: PlanInput, problems: Problem[]): PlannedReference[] {
  const planned: PlannedReference[] = [];
  for (const entity of input.entities ?? []) {
    const { type } = entity;
    if (input.config.federation !== true) {
      problems.push({
        location: entity.at(),
        message: `@batch on type ${type.name}: loads the type's entity references (__resolveReference), which typescript-resolvers types only with config "federation: true", but it is ${input.config.federation === undefined ? 'not set' : JSON.stringify(input.config.federation)}. Remedy: set federation: true in the output's config.`,
      });
      continue;
    }
    const key = entityKey(entity, input.models, input.config, problems);
    if (!key) continue;
    const load: LoadPlan = {
      source: entity.source,
      key: keyPlan(entity.keyFields),
      list: false,
      params: [],
    };
    planned.push({
      typeName: type.name,
      plan: { load },
      use: referenceUse(input, entity, key, load),
    });
  }
  return planned;
}

/** The representation's key fields (non-null, checked by entities.ts) as the load's key. */
function keyPlan(fields: readonly string[]): KeyPlan {
  const value = (name: string) => ({
    from: 'parent' as const,
    path: [{ name, optional: false }],
  });
  if (fields.length === 1) return { kind: 'value', value: value(fields[0] as string) };
  return {
    kind: 'composite',
    parts: fields.map((name) => ({ name, value: value(name), nullable: false })),
  };
}

function referenceUse(
  input: PlanInput,
  entity: CollectedEntity,
  key: EntityKey,
  load: LoadPlan,
): Use {
  const { type, source } = entity;
  return {
    batch: {
      source,
      parent: type,
      field: { name: '__resolveReference' },
      via: undefined,
      at: entity.at,
    },
    id: `type ${type.name}`,
    keyText: key.text,
    keyType: key.keyType,
    sourceKeyType: key.type,
    valueName: type.name,
    valueType: orNull(typeName(input.models.expr(type.name))),
    valueShape: type.name,
    params: [],
    // Not rendered as a field (templates/reference-resolver.ts renders the load): what the
    // source's doc comment and the imports read of it. Apollo's convention: a reference that
    // finds nothing resolves null.
    wrapper: {
      field: '__resolveReference',
      helper: 'resolveNullable',
      load,
      nullCheck: false,
      batchField: undefined,
      nullableItems: false,
    },
  };
}
