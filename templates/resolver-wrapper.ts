// One resolver wrapper: a plain function (never async) that returns the value itself when the
// load is already settled, so graphql-js allocates no Promise for cached fields. The value goes
// through `prefetch` (createBatchResolvers' lookahead, or the identity when it is off), which
// loads the batched fields below it before it resolves, and is still a plain value when nothing
// had to wait. The body runs in a `try`: when it throws and the context holds no Dataloader at
// the configured field, `missingDataloader` replaces the TypeError of the property read with
// one naming where the Dataloader should be; the path that does not throw pays nothing.
import type { WrapperPlan } from '../src/codegen/plan-types.js';
import { keyExpr, nullTest, paramsArg, readsArgs, readsParent } from './load.js';

export function renderWrapper(
  parentType: string,
  wrapper: WrapperPlan,
  dataloaderField: string,
  indent: string,
): string {
  const { load: plan } = wrapper;
  const params = `${readsParent(plan) ? 'parent' : '_parent'}, ${readsArgs(plan) ? 'args' : '_args'}, ctx, info`;
  const keyName = plan.list ? 'keys' : 'key';
  const checked = nullTest(plan.key, keyName);
  const loaded = wrapper.nullCheck ? checked.loaded : keyName;
  // `project` (createBatchResolvers') reads the selection below the field only when the Source
  // projects (`static projection`); for the others it returns undefined at once.
  const load = `ctx.${dataloaderField}.with(sources.${plan.source}${paramsArg(plan.params)}).${plan.list ? 'loadAll' : 'load'}(${loaded}, project(info, sources.${plan.source}))`;
  const field = wrapper.batchField ? `batchFields['${wrapper.batchField}']` : '';
  const call =
    wrapper.helper === 'resolveOne'
      ? `resolveOne(${load}, ${field}, ${keyName}, info)`
      : wrapper.helper === 'resolveEach'
        ? `resolveEach(${load}, ${field}, ${keyName}, ${wrapper.nullableItems}, info)`
        : `${wrapper.helper}(${load})`;
  const prefetched = `prefetch(${call}, info, ctx.${dataloaderField}, ctx)`;
  const result = wrapper.nullCheck ? `${checked.test} ? null : ${prefetched}` : prefetched;
  const resolver = `The @batch resolver of ${parentType}.${wrapper.field}`;
  return [
    `${indent}${wrapper.field}: (${params}) => {`,
    `${indent}  const ${keyName} = ${keyExpr(plan.key)};`,
    `${indent}  try {`,
    `${indent}    return ${result};`,
    `${indent}  } catch (error) {`,
    `${indent}    throw missingDataloader(ctx, '${dataloaderField}', '${resolver}', error);`,
    `${indent}  }`,
    `${indent}},`,
  ].join('\n');
}
