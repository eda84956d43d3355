// The plan: plain readonly data, every decision made. Templates only lay it out as text.

export interface BatchPlan {
  /** Import declarations, in output order (core sorts `prepend` again; ours are stable). */
  readonly imports: readonly string[];
  readonly sources: readonly SourcePlan[];
  /** Fields whose wrapper can throw NotFoundError (their static description is emitted). */
  readonly batchFields: readonly BatchFieldPlan[];
  readonly parents: readonly ParentPlan[];
  /** The typescript-resolvers root type the wrappers satisfy: `Resolvers` or `Types.Resolvers`. */
  readonly resolversType: string;
  /** typescript-resolvers' `ResolverFn` (or `Types.ResolverFn`), for `withPrefetch`. */
  readonly resolverFnType: string;
  readonly dataloaderField: string;
}

export interface SourcePlan {
  readonly name: string;
  readonly className: string;
  readonly keyType: string;
  readonly valueType: string;
  /** Object type of the batch parameters; undefined when the source has none. */
  readonly paramsType: string | undefined;
  /** The type of `this.context` (the config's `contextType`); undefined when none is set. */
  readonly contextType: string | undefined;
  /** Where it is used, one line each: `Post.author (key: authorId); not found: NotFoundError`. */
  readonly uses: readonly string[];
  /** Doc comment lines after the uses. */
  readonly notes: readonly string[];
}

export interface BatchFieldPlan {
  /** `Post.author`: the property of the emitted `batchFields` object. */
  readonly id: string;
  readonly parentType: string;
  readonly field: string;
  readonly typeName: string;
  readonly source: string;
}

export interface ParentPlan {
  readonly typeName: string;
  readonly fields: readonly WrapperPlan[];
  /** The entity's `__resolveReference`, when the type itself carries @batch. */
  readonly reference?: ReferencePlan | undefined;
}

/** An Apollo Federation entity's reference resolver: loads the representation's key. */
export interface ReferencePlan {
  readonly source: string;
  /** `reference.id`, or `{ orgId: reference.orgId, id: reference.id }` for a multi-field @key. */
  readonly keyExpr: string;
}

export type ResolveHelper = 'resolveOne' | 'resolveNullable' | 'resolveMany' | 'resolveEach';

export interface WrapperPlan {
  readonly field: string;
  readonly source: string;
  readonly helper: ResolveHelper;
  readonly loadMethod: 'load' | 'loadAll';
  /** `parent.authorId`, `parent.author?.id` or `args.id`. */
  readonly keyExpr: string;
  /** Resolve `null` without loading when the key is null or undefined (nullable field). */
  readonly nullCheck: boolean;
  readonly usesParent: boolean;
  readonly usesArgs: boolean;
  readonly params: readonly { readonly name: string; readonly expr: string }[];
  /** Set for `resolveOne` and `resolveEach`: the `batchFields` entry for NotFoundError. */
  readonly batchField: string | undefined;
  /** `resolveEach` only: may list items be null (missing → null) or not (→ NotFoundError)? */
  readonly nullableItems: boolean;
  /** The field's entry of the emitted `batchPlan`. */
  readonly prefetch: PrefetchFieldPlan;
}

/** How a field loads, as the runtime's lookahead prefetch reads it (its `PrefetchField`). */
export interface PrefetchFieldPlan {
  /** Property path of the key on the parent's model; set unless the key is an argument. */
  readonly keyPath: readonly string[] | undefined;
  /** The argument holding the key (`$args.id` → `id`). */
  readonly keyArg: string | undefined;
  /** A list of keys, loaded with `loadAll`. */
  readonly list: boolean;
  /** The batch-parameter arguments, sorted. */
  readonly params: readonly string[];
}
