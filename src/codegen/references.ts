// The plan of each entity reference (entities.ts): a use of its source like a field's, so every
// use of one source agrees on key and value types, plus the `__resolveReference` to emit.
import type { CollectedEntity } from './entities.js';
import { entityKey } from './entities.js';
import type { PlanInput, Use } from './plan.js';
import type { ReferencePlan } from './plan-types.js';
import { formatLocation, type Problem } from './problems.js';

export interface PlannedReference {
  readonly typeName: string;
  readonly use: Use;
  readonly plan: ReferencePlan;
}

export function planReferences(
  input: PlanInput,
  fieldUses: readonly Use[],
  problems: Problem[],
): PlannedReference[] {
  const planned: PlannedReference[] = [];
  for (const entity of input.entities ?? []) {
    const { type, source, keyFields } = entity;
    if (input.config.federation !== true) {
      problems.push({
        location: entity.at(),
        message: `@batch on type ${type.name}: loads the type's entity references (__resolveReference), which typescript-resolvers types only with config "federation: true", but it is ${input.config.federation === undefined ? 'not set' : JSON.stringify(input.config.federation)}. Remedy: set federation: true in the output's config.`,
      });
      continue;
    }
    const key = entityKey(entity, input.models, input.config, problems);
    if (!key) continue;
    if (key.keyType === undefined) {
      // A multi-field key is an object; a field's key is one value, so they cannot share.
      const shared = fieldUses.find((u) => u.batch.source === source);
      if (shared) {
        const at = shared.batch.at('source');
        problems.push({
          location: entity.at(),
          message: `@batch on type ${type.name}: source "${source}" is used with another key type: ${shared.id}${at ? ` (${formatLocation(at)})` : ''} has key ${shared.keyText}, type ${type.name} has ${key.text}, an object of ${keyFields.length} fields. Remedy: give the entity its own source.`,
        });
        continue;
      }
    }
    const keyExpr =
      keyFields.length === 1
        ? `reference.${keyFields[0]}`
        : `{ ${keyFields.map((f) => `${f}: reference.${f}`).join(', ')} }`;
    planned.push({
      typeName: type.name,
      plan: { source, keyExpr },
      use: referenceUse(input, entity, key.text, key.typeExpr, key.keyType, keyExpr),
    });
  }
  return planned;
}

function referenceUse(
  input: PlanInput,
  entity: CollectedEntity,
  keyText: string,
  sourceKeyType: string,
  keyType: Use['keyType'],
  keyExpr: string,
): Use {
  const { type, source } = entity;
  return {
    batch: { source, parent: type, field: { name: '__resolveReference' }, at: entity.at },
    id: `type ${type.name}`,
    keyText,
    keyType,
    sourceKeyType,
    valueName: type.name,
    valueType: `${input.models.expr(type.name)} | null`,
    valueShape: type.name,
    params: [],
    // Not rendered as a field: what the source's doc comment and the imports read of it.
    // Apollo's convention: a reference that finds nothing resolves null.
    wrapper: {
      field: '__resolveReference',
      source,
      helper: 'resolveNullable',
      loadMethod: 'load',
      keyExpr,
      nullCheck: false,
      usesParent: false,
      usesArgs: false,
      params: [],
      batchField: undefined,
      nullableItems: false,
      prefetch: { keyPath: undefined, keyArg: undefined, list: false, params: [] },
    },
  };
}
