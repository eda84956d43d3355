// Hand-written resolvers as generator jobs, typed by the resolver map they are assigned to.
import {
  type Dataloader,
  missingDataloader,
  type PromiseOrValue,
} from 'graphql-codegen-batch/runtime';

/** A resolver written as a generator: `yield* ctx.dataloader.with(Users).load(id)` waits. */
export type ResolverJob<TResult, TParent, TContext, TArgs, TInfo> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: TInfo,
) => Generator<unknown, TResult, unknown>;

/** The plain resolver `jobResolver` returns: the value itself when nothing had to wait. */
export type JobResolverFn<TResult, TParent, TContext, TArgs, TInfo> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: TInfo,
) => PromiseOrValue<TResult>;

/**
 * Turns a generator function into a resolver that runs it as a job on `context.dataloader`
 * (`jobResolverOn('loader')` for another field). Assigned to a typescript-resolvers resolver
 * type (`QueryResolvers<Context>['post']`, or inside `Resolvers<Context>`), the parent, args and
 * context of the generator are inferred from that type, and what it returns is checked against
 * the field's result type. A job that never waits returns its value synchronously, so
 * graphql-js completes the field without a Promise.
 *
 * ```ts
 * const resolvers: Resolvers<Context> = {
 *   Query: {
 *     post: jobResolver(function* (_parent, args, ctx) {
 *       const post = yield* ctx.dataloader.with(Posts).load(args.id);
 *       return post && { ...post, author: yield* ctx.dataloader.with(Users).load(post.authorId) };
 *     }),
 *   },
 * };
 * ```
 */
export const jobResolver: <
  TResult,
  TParent,
  TContext extends { readonly dataloader: Dataloader },
  TArgs,
  TInfo,
>(
  job: ResolverJob<TResult, TParent, TContext, TArgs, TInfo>,
) => JobResolverFn<TResult, TParent, TContext, TArgs, TInfo> = jobResolverOn('dataloader');

/** `jobResolver` for a Dataloader kept at another context field. */
export function jobResolverOn<F extends string>(field: F) {
  return <TResult, TParent, TContext extends { readonly [K in F]: Dataloader }, TArgs, TInfo>(
    job: ResolverJob<TResult, TParent, TContext, TArgs, TInfo>,
  ): JobResolverFn<TResult, TParent, TContext, TArgs, TInfo> =>
    (parent, args, context, info) => {
      const missing = missingDataloader(context, field, 'jobResolver');
      if (missing !== undefined) throw missing;
      return (context as Record<F, Dataloader>)[field].run(() => job(parent, args, context, info));
    };
}
