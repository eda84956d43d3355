// The NotFoundError a generated resolver throws, as a GraphQLError of the graphql that runs the
// query. Servers tell the errors a client may read from the rest by class: graphql-yoga's
// default masking shows a GraphQLError only when it (and every `originalError` below it) is an
// instance of its graphql's GraphQLError, and shows "Unexpected error." for anything else. The
// runtime never imports graphql, so it takes the class from the schema it runs in: a built-in
// enum of that schema throws a GraphQLError for a value it does not have. Without a schema (a
// resolve helper called without `info`), or when that fails, the error is a plain NotFoundError.
import { markNotFound, NotFoundError, notFoundMessage } from './errors.js';

/** The part of graphql-js's resolve info that locates its GraphQLError class. */
export interface SchemaInfo {
  readonly schema: { getType(name: string): unknown };
}

type GraphQLErrorClass = new (
  message: string,
  options: { readonly extensions: { readonly code: 'NOT_FOUND' } },
) => Error;
type NotFoundClass = new (
  typeName: string,
  fieldPath: string,
  sourceName: string,
  key: unknown,
) => NotFoundError;

/** Per schema: the NotFoundError subclass of its GraphQLError, or null when there is none. */
const bySchema = new WeakMap<object, NotFoundClass | null>();
/** Per GraphQLError class (one per graphql instance): its NotFoundError subclass. */
const byBase = new WeakMap<GraphQLErrorClass, NotFoundClass>();

/** A NotFoundError, a GraphQLError of `info.schema`'s graphql when there is one. */
export function notFoundError(
  typeName: string,
  fieldPath: string,
  sourceName: string,
  key: unknown,
  info: SchemaInfo | undefined,
): NotFoundError {
  const schema = info?.schema;
  if (typeof schema !== 'object' || schema === null) {
    return new NotFoundError(typeName, fieldPath, sourceName, key);
  }
  let NotFound = bySchema.get(schema);
  if (NotFound === undefined) {
    const base = graphQLErrorOf(schema);
    NotFound = base === undefined ? null : subclassOf(base);
    bySchema.set(schema, NotFound);
  }
  return NotFound === null
    ? new NotFoundError(typeName, fieldPath, sourceName, key)
    : new NotFound(typeName, fieldPath, sourceName, key);
}

const PROBE = Symbol('not a __TypeKind value');

function graphQLErrorOf(schema: SchemaInfo['schema']): GraphQLErrorClass | undefined {
  let kind: { serialize?: unknown; coerceOutputValue?: unknown } | null | undefined;
  try {
    kind = schema.getType('__TypeKind') as typeof kind;
  } catch {
    return undefined;
  }
  const coerce = kind?.coerceOutputValue ?? kind?.serialize;
  if (typeof coerce !== 'function') return undefined;
  try {
    coerce.call(kind, PROBE);
  } catch (error) {
    const base = (error as { constructor?: unknown } | null)?.constructor;
    if (error instanceof Error && error.name === 'GraphQLError' && typeof base === 'function') {
      return base as GraphQLErrorClass;
    }
  }
  return undefined;
}

function subclassOf(base: GraphQLErrorClass): NotFoundClass {
  const existing = byBase.get(base);
  if (existing !== undefined) return existing;
  class GraphQLNotFoundError extends base {
    declare readonly name: 'NotFoundError';
    declare readonly extensions: { readonly code: 'NOT_FOUND' };
    readonly typeName: string;
    readonly fieldPath: string;
    readonly sourceName: string;
    readonly key: unknown;
    constructor(typeName: string, fieldPath: string, sourceName: string, key: unknown) {
      super(notFoundMessage(typeName, fieldPath, sourceName, key), {
        extensions: { code: 'NOT_FOUND' },
      });
      // GraphQLError set its own (non-enumerable) name; only the value changes.
      (this as { name: string }).name = 'NotFoundError';
      this.typeName = typeName;
      this.fieldPath = fieldPath;
      this.sourceName = sourceName;
      this.key = key;
    }
  }
  markNotFound(GraphQLNotFoundError.prototype);
  byBase.set(base, GraphQLNotFoundError);
  return GraphQLNotFoundError;
}
