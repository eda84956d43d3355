// `createBatchResolvers(sources, options?)`: the resolvers of every @batch field, checked against
// typescript-resolvers' `Resolvers` with `satisfies` (so each wrapper keeps its precise type),
// each wrapped in one lookahead prefetch built once per call; and `withPrefetch`, which opts a
// hand-written resolver into that same prefetch (one instance per resolver set, so a walk
// started by a hand-written root field is not repeated by the batched fields below it).
import type { BatchPlan } from '../src/codegen/plan-types.js';
import { renderEntityInfo, renderReferenceResolver } from './reference-resolver.js';
import { renderWrapper } from './resolver-wrapper.js';

export function renderCreateBatchResolvers(plan: BatchPlan): string {
  const dl = plan.dataloaderField;
  const entities = plan.parents.some((parent) => parent.reference);
  return [
    ...(entities ? [renderEntityInfo(), ''] : []),
    '/** The prefetch of each resolver set createBatchResolvers returned (null: prefetch off). */',
    'const batchPrefetchers = new WeakMap<object, Prefetch | null>();',
    '',
    '/**',
    " * The resolvers of every @batch field; merge them with your own. Each reads the request's",
    ` * Dataloader from \`context.${dl}\`.`,
    ' *',
    ' * Lookahead prefetch (on by default): before a batched field resolves, it reads its selection',
    ' * set (fragments, aliases, @skip/@include, arguments) and loads what the batched fields below',
    ' * it will load, in the same rounds, so those resolve synchronously and graphql-js allocates',
    ' * no Promise for them. Results, errors and batches are the same with it off.',
    ' * `options.prefetch`: `false` turns it off; `{ maxDepth: n }` looks at most n levels ahead.',
    ' * Hand-written resolvers that return objects opt in with `withPrefetch`.',
    ' *',
    ' * Projection: a Source with `static projection = true` is given the fields each query reads',
    ' * of its values (the selection below the field, as model properties), merged per batch, as',
    " * `fetch`'s second argument.",
    ' */',
    'export function createBatchResolvers(',
    '  sources: BatchSources,',
    '  options: { readonly prefetch?: false | PrefetchOptions } = {},',
    ') {',
    '  const prefetch: Prefetch =',
    '    options.prefetch === false',
    '      ? (value) => value',
    '      : createPrefetch(batchPlan, sources, options.prefetch);',
    '  const project = createProjection(batchPlan);',
    '  const resolvers = {',
    ...plan.parents.flatMap((parent) => [
      `    ${parent.typeName}: {`,
      ...(parent.reference
        ? [renderReferenceResolver(parent.typeName, parent.reference, dl, '      ')]
        : []),
      ...parent.fields.map((w) => renderWrapper(parent.typeName, w, dl, '      ')),
      '    },',
    ]),
    `  } satisfies ${plan.resolversType};`,
    '  batchPrefetchers.set(resolvers, options.prefetch === false ? null : prefetch);',
    '  return resolvers;',
    '}',
    '',
    '/**',
    ' * Opts a hand-written resolver that returns an object or a list of objects (rows read by a',
    ' * root field, say) into the lookahead prefetch of `batch`, the object createBatchResolvers',
    ' * returned (pass that object itself, not a copy): the @batch fields below the value load',
    ' * before it resolves, then resolve synchronously. Unchanged when prefetch is off.',
    ' * @example',
    ' * const batch = createBatchResolvers(sources);',
    ' * const resolvers: Resolvers = {',
    ' *   ...batch,',
    ' *   Query: { ...batch.Query, posts: withPrefetch(batch, (_parent, args, ctx) => readPosts(ctx, args)) },',
    ' * };',
    ' */',
    `export function withPrefetch<TResult, TParent, TContext extends { readonly ${dl}: Dataloader }, TArgs>(`,
    '  batch: ReturnType<typeof createBatchResolvers>,',
    `  resolver: ${plan.resolverFnType}<TResult, TParent, TContext, TArgs>,`,
    `): ${plan.resolverFnType}<TResult, TParent, TContext, TArgs> {`,
    '  const prefetch = batchPrefetchers.get(batch);',
    '  if (prefetch === undefined) {',
    '    throw new TypeError(',
    "      'withPrefetch: the first argument is not an object that createBatchResolvers returned (a copy or a merged resolver map has no prefetch); pass the result of createBatchResolvers itself.',",
    '    );',
    '  }',
    '  if (prefetch === null) return resolver;',
    '  return (parent, args, ctx, info) => {',
    `    const dataloader = ctx.${dl};`,
    "    if (typeof dataloader?.with !== 'function') {",
    `      throw missingDataloader(ctx, '${dl}', \`withPrefetch (\${info.parentType.name}.\${info.fieldName})\`);`,
    '    }',
    '    return prefetch(resolver(parent, args, ctx, info), info, dataloader, ctx);',
    '  };',
    '}',
  ].join('\n');
}
