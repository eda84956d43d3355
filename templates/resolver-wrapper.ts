// One resolver wrapper: a plain function (never async) that returns the value itself when the
// load is already settled, so graphql-js allocates no Promise for cached fields. The value goes
// through `prefetch` (createBatchResolvers' lookahead, or the identity when it is off), which
// loads the batched fields below it before it resolves, and is still a plain value when nothing
// had to wait. The body runs in a `try`: when it throws and the context holds no Dataloader at
// the configured field, `missingDataloader` replaces the TypeError of the property read with
// one naming where the Dataloader should be; the path that does not throw pays nothing.
import type { WrapperPlan } from '../src/codegen/plan-types.js';

export function renderWrapper(
  parentType: string,
  wrapper: WrapperPlan,
  dataloaderField: string,
  indent: string,
): string {
  const params = `${wrapper.usesParent ? 'parent' : '_parent'}, ${wrapper.usesArgs ? 'args' : '_args'}, ctx, info`;
  const paramsArg = wrapper.params.length
    ? `, { ${wrapper.params.map((p) => `${p.name}: ${p.expr}`).join(', ')} }`
    : '';
  const keyName = wrapper.loadMethod === 'loadAll' ? 'keys' : 'key';
  // `project` (createBatchResolvers') reads the selection below the field only when the Source
  // projects (`static projection`); for the others it returns undefined at once.
  const load = `ctx.${dataloaderField}.with(sources.${wrapper.source}${paramsArg}).${wrapper.loadMethod}(${keyName}, project(info, sources.${wrapper.source}))`;
  const field = wrapper.batchField ? `batchFields['${wrapper.batchField}']` : '';
  const call =
    wrapper.helper === 'resolveOne'
      ? `resolveOne(${load}, ${field}, ${keyName}, info)`
      : wrapper.helper === 'resolveEach'
        ? `resolveEach(${load}, ${field}, ${keyName}, ${wrapper.nullableItems}, info)`
        : `${wrapper.helper}(${load})`;
  const prefetched = `prefetch(${call}, info, ctx.${dataloaderField}, ctx)`;
  const result = wrapper.nullCheck ? `${keyName} == null ? null : ${prefetched}` : prefetched;
  const resolver = `The @batch resolver of ${parentType}.${wrapper.field}`;
  return [
    `${indent}${wrapper.field}: (${params}) => {`,
    `${indent}  const ${keyName} = ${wrapper.keyExpr};`,
    `${indent}  try {`,
    `${indent}    return ${result};`,
    `${indent}  } catch (error) {`,
    `${indent}    throw missingDataloader(ctx, '${dataloaderField}', '${resolver}', error);`,
    `${indent}  }`,
    `${indent}},`,
  ].join('\n');
}
