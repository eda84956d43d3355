// GraphQL-Ruby clears the Dataloader's cache between root mutation fields, so that a mutation's
// result (and the next mutation's reads) are not served from what was loaded before the write.
// graphql-js runs root mutation fields one after the other, each with its whole subtree, so
// clearing when the next root field starts is clearing after the previous one has finished.
import type { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { Dataloader } from 'graphql-codegen-batch/runtime';

/** Which context fields a schema's mutation fields already clear (patching is idempotent). */
const patched = new WeakMap<GraphQLSchema, Set<string>>();

/**
 * Wraps the resolvers of the schema's root mutation fields (in place, once per schema and context
 * field) so that each one after the first of an operation calls `clearCache()` on the
 * Dataloader at `context[field]` before it runs. Requests whose context has no Dataloader there
 * are not affected. Fields without a resolver get graphql-js' default behaviour (read or call
 * the property of the root value) around the clearing.
 */
export function clearCacheBetweenMutationFields(schema: GraphQLSchema, field = 'dataloader'): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  let fields = patched.get(schema);
  if (fields === undefined) patched.set(schema, (fields = new Set()));
  if (fields.has(field)) return;
  fields.add(field);
  // The Dataloader is created per operation, so "has this one already run a root mutation
  // field" is a fact about the Dataloader; a WeakSet keeps nothing alive after the request.
  const started = new WeakSet<Dataloader>();
  for (const definition of Object.values(mutation.getFields())) {
    const resolve: GraphQLFieldResolver<unknown, unknown> = definition.resolve ?? defaultResolve;
    definition.resolve = (parent, args, context, info) => {
      const dataloader = (context as Record<string, unknown> | null | undefined)?.[field];
      if (isRootMutationField(info) && isDataloader(dataloader)) {
        if (started.has(dataloader)) dataloader.clearCache();
        else started.add(dataloader);
      }
      return resolve(parent, args, context, info);
    };
  }
}

function isRootMutationField(info: GraphQLResolveInfo): boolean {
  return info.operation.operation === 'mutation' && info.path.prev === undefined;
}

function isDataloader(value: unknown): value is Dataloader {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { clearCache?: unknown }).clearCache === 'function' &&
    typeof (value as { with?: unknown }).with === 'function'
  );
}

// graphql-js' defaultFieldResolver, so this module needs no runtime import of graphql.
const defaultResolve: GraphQLFieldResolver<unknown, unknown> = (parent, args, context, info) => {
  if (typeof parent !== 'object' && typeof parent !== 'function') return undefined;
  if (parent === null) return undefined;
  const property = (parent as Record<string, unknown>)[info.fieldName];
  return typeof property === 'function'
    ? (property as (...a: unknown[]) => unknown).call(parent, args, context, info)
    : property;
};
