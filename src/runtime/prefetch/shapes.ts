// The parts of graphql-js's resolve info, AST and schema that prefetch reads, declared
// structurally: the runtime never imports graphql (DESIGN section 7), yet works with the
// objects graphql-js 16 and 17 hand to resolvers.

export interface NameNode {
  readonly value: string;
}

export interface ValueNode {
  readonly kind: string;
  readonly name?: NameNode | undefined;
  readonly value?: unknown;
  readonly values?: readonly ValueNode[] | undefined;
  readonly fields?: readonly { readonly name: NameNode; readonly value: ValueNode }[] | undefined;
}

export interface ArgumentNode {
  readonly name: NameNode;
  readonly value: ValueNode;
}

export interface DirectiveNode {
  readonly name: NameNode;
  readonly arguments?: readonly ArgumentNode[] | undefined;
}

export interface SelectionNode {
  readonly kind: string;
  readonly name?: NameNode | undefined;
  readonly alias?: NameNode | undefined;
  readonly arguments?: readonly ArgumentNode[] | undefined;
  readonly directives?: readonly DirectiveNode[] | undefined;
  readonly selectionSet?: SelectionSetNode | undefined;
  readonly typeCondition?: { readonly name: NameNode } | undefined;
}

export interface SelectionSetNode {
  readonly selections: readonly SelectionNode[];
}

export interface FragmentNode {
  readonly typeCondition: { readonly name: NameNode };
  readonly selectionSet: SelectionSetNode;
}

/**
 * A GraphQL type object (named, list or non-null), told apart by its `Symbol.toStringTag`.
 * Its members are declared loosely (graphql-js types them as `Maybe<…>` unions); the helpers
 * below read them.
 */
export interface TypeLike {
  readonly name?: string;
  readonly ofType?: unknown;
  readonly getFields?: unknown;
  readonly parseLiteral?: unknown;
  readonly resolveType?: unknown;
  readonly isTypeOf?: unknown;
}

export interface ArgDefLike {
  readonly name: string;
  readonly type: TypeLike;
  /** graphql 16 (and 17 for programmatic schemas). */
  readonly defaultValue?: unknown;
  /** graphql 17: `{ value }` or, for SDL schemas, `{ literal }` (a value node). */
  readonly default?: unknown;
}

export interface FieldDefLike {
  readonly name: string;
  readonly type: TypeLike;
  readonly args: readonly ArgDefLike[];
  readonly resolve?: unknown;
  /** Input object fields only. */
  readonly defaultValue?: unknown;
}

export interface SchemaLike {
  getType(name: string): TypeLike | null | undefined;
  isSubType(abstract: TypeLike, maybeSub: TypeLike): boolean;
  getPossibleTypes(abstract: TypeLike): readonly TypeLike[];
}

/** What prefetch needs of graphql-js's `GraphQLResolveInfo`. */
export interface ResolveInfoLike {
  readonly fieldNodes: readonly SelectionNode[];
  readonly returnType: TypeLike;
  readonly schema: SchemaLike;
  readonly fragments: Readonly<Record<string, FragmentNode>>;
  /** graphql 16: the coerced values; graphql 17: `{ sources, coerced }`. Read with variablesOf. */
  readonly variableValues: unknown;
}

export function tagOf(type: TypeLike): string {
  return (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] ?? '';
}

/** The type inside a list or non-null wrapper. */
export function ofType(type: TypeLike): TypeLike {
  return type.ofType as TypeLike;
}

/** The fields of an object, interface or input object type; undefined for other types. */
export function fieldsOf(type: TypeLike): Readonly<Record<string, FieldDefLike>> | undefined {
  return typeof type.getFields === 'function'
    ? (type.getFields() as Readonly<Record<string, FieldDefLike>>)
    : undefined;
}

/** The coerced variable values of an operation, from graphql 16's or graphql 17's info. */
export function variablesOf(info: ResolveInfoLike): Readonly<Record<string, unknown>> {
  const values = info.variableValues as { coerced?: unknown; sources?: unknown } | null;
  if (values === null || typeof values !== 'object') return {};
  if ('coerced' in values && 'sources' in values)
    return (values.coerced ?? {}) as Readonly<Record<string, unknown>>;
  return values as Readonly<Record<string, unknown>>;
}
