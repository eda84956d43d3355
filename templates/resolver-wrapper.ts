// One resolver wrapper: a plain function (never async) that returns the value itself when the
// load is already settled, so graphql-js allocates no Promise for cached fields. The value goes
// through `prefetch` (createBatchResolvers' lookahead, or the identity when it is off), which
// loads the batched fields below it before it resolves, and is still a plain value when nothing
// had to wait.
import type { WrapperPlan } from '../src/codegen/plan-types.js';

export function renderWrapper(
  wrapper: WrapperPlan,
  dataloaderField: string,
  indent: string,
): string {
  const params = `${wrapper.usesParent ? 'parent' : '_parent'}, ${wrapper.usesArgs ? 'args' : '_args'}, ctx, info`;
  const paramsArg = wrapper.params.length
    ? `, { ${wrapper.params.map((p) => `${p.name}: ${p.expr}`).join(', ')} }`
    : '';
  const keyName = wrapper.loadMethod === 'loadAll' ? 'keys' : 'key';
  const load = `ctx.${dataloaderField}.with(sources.${wrapper.source}${paramsArg}).${wrapper.loadMethod}(${keyName})`;
  const field = wrapper.batchField ? `batchFields['${wrapper.batchField}']` : '';
  const call =
    wrapper.helper === 'resolveOne'
      ? `resolveOne(${load}, ${field}, ${keyName})`
      : wrapper.helper === 'resolveEach'
        ? `resolveEach(${load}, ${field}, ${keyName}, ${wrapper.nullableItems})`
        : `${wrapper.helper}(${load})`;
  const prefetched = `prefetch(${call}, info, ctx.${dataloaderField}, ctx)`;
  const result = wrapper.nullCheck ? `${keyName} == null ? null : ${prefetched}` : prefetched;
  return [
    `${indent}${wrapper.field}: (${params}) => {`,
    `${indent}  const ${keyName} = ${wrapper.keyExpr};`,
    `${indent}  return ${result};`,
    `${indent}},`,
  ].join('\n');
}
