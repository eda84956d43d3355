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
  readonly keyType: TypeRef;
  /**
   * How the runtime tells keys apart: 'value' is the default `cacheKey` (equal composite keys
   * share an entry); 'reference' (the parent objects of `$parent`) overrides it to the key itself.
   */
  readonly identity: 'value' | 'reference';
  readonly valueType: TypeRef;
  /** Object type of the batch parameters; undefined when the source has none. */
  readonly paramsType: TypeRef | undefined;
  /** The type of `this.context` (the config's `contextType`); undefined when none is set. */
  readonly contextType: string | undefined;
  /** Where it is used (the doc comment lists each: `Post.author (key: authorId); not found: …`). */
  readonly uses: readonly SourceUse[];
}

/** One use of a source, for its doc comment. */
export interface SourceUse {
  /** `Post.author` */
  readonly field: string;
  /** The key as written: `authorId`, `[orgId, userId]`, `$parent`. */
  readonly key: string;
  /** What the field makes of a null value; undefined for `many: true` (a missing list is []). */
  readonly notFound: 'null' | 'NotFoundError' | undefined;
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

/**
 * An Apollo Federation entity's reference resolver: one more use of its source. The key's
 * `parent` values are read from the representation (`reference.id`; a multi-field @key is a
 * composite key `{ orgId: reference.orgId, id: reference.id }`).
 */
export interface ReferencePlan {
  readonly load: LoadPlan;
}

export type ResolveHelper = 'resolveOne' | 'resolveNullable' | 'resolveMany' | 'resolveEach';

export interface WrapperPlan {
  readonly field: string;
  readonly helper: ResolveHelper;
  /** How the field loads: the wrapper and its `batchPlan` entry are both rendered from it. */
  readonly load: LoadPlan;
  /** Resolve `null` without loading when the key is null or undefined (nullable field). */
  readonly nullCheck: boolean;
  /** Set for `resolveOne` and `resolveEach`: the `batchFields` entry for NotFoundError. */
  readonly batchField: string | undefined;
  /** `resolveEach` only: may list items be null (missing → null) or not (→ NotFoundError)? */
  readonly nullableItems: boolean;
}

/**
 * One field's load, decided once: which source, the key built from the parent and the
 * arguments, one key or a list of keys, and the batch parameters. The generated wrapper and the
 * runtime's lookahead prefetch (the field's `PrefetchField`) are both rendered from it, so they
 * reach the same Source instance with the same key.
 */
export interface LoadPlan {
  readonly source: string;
  readonly key: KeyPlan;
  /** A list of keys, loaded with `loadAll`. */
  readonly list: boolean;
  /**
   * The batch-parameter arguments, sorted by name. The wrapper passes them through the runtime's
   * `batchParams`, as the prefetch does: an omitted one is null in both.
   */
  readonly params: readonly string[];
}

export type KeyPlan =
  /** One value: `authorId`, `author.id` or `$args.id`. */
  | { readonly kind: 'value'; readonly value: KeyValue }
  /** An object key `{ orgId, userId }`, its parts in the order written. */
  | { readonly kind: 'composite'; readonly parts: readonly KeyPart[] }
  /** `$parent`: the parent object itself. */
  | { readonly kind: 'parent' };

export interface KeyPart {
  /** The property of the key object: the path's last step, or the argument's name. */
  readonly name: string;
  readonly value: KeyValue;
  /** May this part be null or undefined (then a nullable field resolves null)? */
  readonly nullable: boolean;
}

/** Where one value of the key is read. */
export type KeyValue =
  | { readonly from: 'parent'; readonly path: readonly PathStep[] }
  | { readonly from: 'args'; readonly name: string };

export interface PathStep {
  readonly name: string;
  /** The value before this step may be null or undefined: read it with `?.`. */
  readonly optional: boolean;
}

/**
 * A TypeScript type, as data (templates/types.ts writes it). Leaves are the names the models
 * give: a mapper (`PostRow`), `ResolversParentTypes['Post']`, an args type, a scalar's type.
 */
export type TypeRef =
  | { readonly kind: 'name'; readonly name: string }
  /** `T['key']` */
  | { readonly kind: 'index'; readonly of: TypeRef; readonly key: string }
  /** `T[number]` */
  | { readonly kind: 'element'; readonly of: TypeRef }
  /** `NonNullable<T>` */
  | { readonly kind: 'nonNull'; readonly of: TypeRef }
  /** `T | null` */
  | { readonly kind: 'orNull'; readonly of: TypeRef }
  /** `T[]` (`Array<T | null>` for nullable items) */
  | { readonly kind: 'array'; readonly of: TypeRef }
  /** `Pick<T, 'a' | 'b'>` */
  | { readonly kind: 'pick'; readonly of: TypeRef; readonly keys: readonly string[] }
  /** `{ a: A; b: B }` */
  | {
      readonly kind: 'object';
      readonly members: readonly { readonly name: string; readonly type: TypeRef }[];
    }
  | { readonly kind: 'union'; readonly members: readonly TypeRef[] };

export const typeName = (name: string): TypeRef => ({ kind: 'name', name });
export const nonNull = (of: TypeRef): TypeRef => ({ kind: 'nonNull', of });
export const orNull = (of: TypeRef): TypeRef => ({ kind: 'orNull', of });
