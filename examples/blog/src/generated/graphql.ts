import type { GraphQLResolveInfo } from 'graphql';
import type { PostRow, UserRow, CommentRow, TagRow, PostStatsRow } from '../models.js';
import type { Context } from '../context.js';
import { batchParams, createPrefetch, createProjection, missingDataloader, resolveEach, resolveMany, resolveNullable, resolveOne, Source } from 'graphql-codegen-batch/runtime';
import type { BatchField, Dataloader, Prefetch, PrefetchOptions, PrefetchPlan, SourceClass } from 'graphql-codegen-batch/runtime';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

export type Comment = {
  __typename?: 'Comment';
  author: User;
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Renames a user (null: no such user); each subscriber of userRenamed gets an event. */
  renameUser?: Maybe<User>;
};


export type MutationRenameUserArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

export type Post = {
  __typename?: 'Post';
  author: User;
  comments: Array<Comment>;
  editor?: Maybe<User>;
  id: Scalars['ID']['output'];
  stats: PostStats;
  tags: Array<Tag>;
  title: Scalars['String']['output'];
};


export type PostCommentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Figures about a post, computed from its row and its comments: a batch resolver over posts. */
export type PostStats = {
  __typename?: 'PostStats';
  commentCount: Scalars['Int']['output'];
  tagCount: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  post?: Maybe<Post>;
  /** The first posts by id (default 20); an ordinary resolver that reads rows. */
  posts: Array<Post>;
};


export type QueryPostArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPostsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The user of each renameUser, read when the event is delivered, with a Dataloader per event. */
  userRenamed: User;
};

export type Tag = {
  __typename?: 'Tag';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type User = {
  __typename?: 'User';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Comment: ResolverTypeWrapper<CommentRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Post: ResolverTypeWrapper<PostRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PostStats: ResolverTypeWrapper<PostStatsRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tag: ResolverTypeWrapper<TagRow>;
  User: ResolverTypeWrapper<UserRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Comment: CommentRow;
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  Post: PostRow;
  Int: Scalars['Int']['output'];
  PostStats: PostStatsRow;
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  Tag: TagRow;
  User: UserRow;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type BatchDirectiveArgs = {
  key?: Maybe<Array<Scalars['String']['input']>>;
  many?: Maybe<Scalars['Boolean']['input']>;
  source: Scalars['String']['input'];
};

export type BatchDirectiveResolver<Result, Parent, ContextType = Context, Args = BatchDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CommentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Comment'] = ResolversParentTypes['Comment']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  renameUser?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<MutationRenameUserArgs, 'id' | 'name'>>;
};

export type PostResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Post'] = ResolversParentTypes['Post']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  comments?: Resolver<Array<ResolversTypes['Comment']>, ParentType, ContextType, RequireFields<PostCommentsArgs, 'first'>>;
  editor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stats?: Resolver<ResolversTypes['PostStats'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['Tag']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PostStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostStats'] = ResolversParentTypes['PostStats']> = {
  commentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tagCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType, RequireFields<QueryPostArgs, 'id'>>;
  posts?: Resolver<Array<ResolversTypes['Post']>, ParentType, ContextType, RequireFields<QueryPostsArgs, 'first'>>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  userRenamed?: SubscriptionResolver<ResolversTypes['User'], "userRenamed", ParentType, ContextType>;
};

export type TagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Tag'] = ResolversParentTypes['Tag']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Comment?: CommentResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Post?: PostResolvers<ContextType>;
  PostStats?: PostStatsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tag?: TagResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  batch?: BatchDirectiveResolver<any, any, ContextType>;
};


// ---- graphql-codegen-batch: Sources and resolvers of the @batch fields ----

/**
 * Source "CommentsByPost": extend it, implement `fetch(keys)` and pass the class to
 * createBatchResolvers. Used by:
 * - Post.comments (key: id)
 * A list of rows per key: declare groupKey(row) and return the rows in any order (a key with
 * none gets []), or use groupByKeys.
 */
export abstract class CommentsByPostSource extends Source<PostRow['id'], CommentRow[], { first: NonNullable<PostCommentsArgs['first']> }, Context> {}

/**
 * Source "Post": extend it, implement `fetch(keys)` and pass the class to
 * createBatchResolvers. Used by:
 * - Query.post (key: $args.id); not found: null
 * `| null` in the value type: a key that fetch finds nothing for is null (declare rowKey(row)
 * and return the rows in any order, or use orderByKeys); "not found" above is what each field
 * then resolves.
 */
export abstract class PostSource extends Source<QueryPostArgs['id'], PostRow | null, undefined, Context> {}

/**
 * Source "PostStats": extend it, implement `fetch(keys)` and pass the class to
 * createBatchResolvers. Used by:
 * - Post.stats (key: $parent); not found: NotFoundError
 * `| null` in the value type: a key that fetch finds nothing for is null (declare rowKey(row)
 * and return the rows in any order, or use orderByKeys); "not found" above is what each field
 * then resolves.
 */
export abstract class PostStatsSource extends Source<PostRow, PostStatsRow | null, undefined, Context> {
  /**
   * Keys are the parent objects: one entry per object (by reference), however alike two
   * parents are. Override to return a value (`key.id`) to share entries between copies.
   */
  override cacheKey(key: PostRow): unknown {
    return key;
  }
}

/**
 * Source "Tag": extend it, implement `fetch(keys)` and pass the class to
 * createBatchResolvers. Used by:
 * - Post.tags (key: tagIds); not found: NotFoundError
 * `| null` in the value type: a key that fetch finds nothing for is null (declare rowKey(row)
 * and return the rows in any order, or use orderByKeys); "not found" above is what each field
 * then resolves.
 */
export abstract class TagSource extends Source<PostRow['tagIds'][number], TagRow | null, undefined, Context> {}

/**
 * Source "User": extend it, implement `fetch(keys)` and pass the class to
 * createBatchResolvers. Used by:
 * - Comment.author (key: authorId); not found: NotFoundError
 * - Post.author (key: authorId); not found: NotFoundError
 * - Post.editor (key: editorId); not found: null
 * `| null` in the value type: a key that fetch finds nothing for is null (declare rowKey(row)
 * and return the rows in any order, or use orderByKeys); "not found" above is what each field
 * then resolves.
 */
export abstract class UserSource extends Source<CommentRow['authorId'], UserRow | null, undefined, Context> {}

/** The implementation class of every source, as createBatchResolvers needs them. */
export type BatchSources = {
  CommentsByPost: SourceClass<CommentsByPostSource>;
  Post: SourceClass<PostSource>;
  PostStats: SourceClass<PostStatsSource>;
  Tag: SourceClass<TagSource>;
  User: SourceClass<UserSource>;
};

/** The batched fields whose missing values are NotFoundErrors (named in the message). */
const batchFields = {
  'Comment.author': { parentType: 'Comment', field: 'author', typeName: 'User', source: 'User' },
  'Post.author': { parentType: 'Post', field: 'author', typeName: 'User', source: 'User' },
  'Post.stats': { parentType: 'Post', field: 'stats', typeName: 'PostStats', source: 'PostStats' },
  'Post.tags': { parentType: 'Post', field: 'tags', typeName: 'Tag', source: 'Tag' },
} satisfies Record<string, BatchField>;

/**
 * How each @batch field loads (type → field → source, key, list of keys, batch parameters):
 * the lookahead prefetch reads it to load a field's batched children before the field
 * resolves.
 */
export const batchPlan = {
  Comment: {
    author: { source: 'User', keyPath: ['authorId'], list: false, params: [] },
  },
  Post: {
    author: { source: 'User', keyPath: ['authorId'], list: false, params: [] },
    comments: { source: 'CommentsByPost', keyPath: ['id'], list: false, params: ['first'] },
    editor: { source: 'User', keyPath: ['editorId'], list: false, params: [] },
    stats: { source: 'PostStats', keyParent: true, list: false, params: [] },
    tags: { source: 'Tag', keyPath: ['tagIds'], list: true, params: [] },
  },
  Query: {
    post: { source: 'Post', keyArg: 'id', list: false, params: [] },
  },
} satisfies PrefetchPlan;

/** The prefetch of each resolver set createBatchResolvers returned (null: prefetch off). */
const batchPrefetchers = new WeakMap<object, Prefetch | null>();

/**
 * The resolvers of every @batch field; merge them with your own. Each reads the request's
 * Dataloader from `context.dataloader`.
 *
 * Lookahead prefetch (on by default): before a batched field resolves, it reads its selection
 * set (fragments, aliases, @skip/@include, arguments) and loads what the batched fields below
 * it will load, in the same rounds, so those resolve synchronously and graphql-js allocates
 * no Promise for them. Results, errors and batches are the same with it off.
 * `options.prefetch`: `false` turns it off; `{ maxDepth: n }` looks at most n levels ahead.
 * Hand-written resolvers that return objects opt in with `withPrefetch`.
 *
 * Projection: a Source with `static projection = true` is given the fields each query reads
 * of its values (the selection below the field, as model properties), merged per batch, as
 * `fetch`'s second argument.
 */
export function createBatchResolvers(
  sources: BatchSources,
  options: { readonly prefetch?: false | PrefetchOptions } = {},
) {
  const prefetch: Prefetch =
    options.prefetch === false
      ? (value) => value
      : createPrefetch(batchPlan, sources, options.prefetch);
  const project = createProjection(batchPlan);
  const resolvers = {
    Comment: {
      author: (parent, _args, ctx, info) => {
        const key = parent.authorId;
        try {
          return prefetch(resolveOne(ctx.dataloader.with(sources.User).load(key, project(info, sources.User)), batchFields['Comment.author'], key, info), info, ctx.dataloader, ctx);
        } catch (error) {
          throw missingDataloader(ctx, 'dataloader', 'The @batch resolver of Comment.author', error);
        }
      },
    },
    Post: {
      author: (parent, _args, ctx, info) => {
        const key = parent.authorId;
        try {
          return prefetch(resolveOne(ctx.dataloader.with(sources.User).load(key, project(info, sources.User)), batchFields['Post.author'], key, info), info, ctx.dataloader, ctx);
        } catch (error) {
          throw missingDataloader(ctx, 'dataloader', 'The @batch resolver of Post.author', error);
        }
      },
      comments: (parent, args, ctx, info) => {
        const key = parent.id;
        try {
          return prefetch(resolveMany(ctx.dataloader.with(sources.CommentsByPost, batchParams(args, ['first'])).load(key, project(info, sources.CommentsByPost))), info, ctx.dataloader, ctx);
        } catch (error) {
          throw missingDataloader(ctx, 'dataloader', 'The @batch resolver of Post.comments', error);
        }
      },
      editor: (parent, _args, ctx, info) => {
        const key = parent.editorId;
        try {
          return key == null ? null : prefetch(resolveNullable(ctx.dataloader.with(sources.User).load(key, project(info, sources.User))), info, ctx.dataloader, ctx);
        } catch (error) {
          throw missingDataloader(ctx, 'dataloader', 'The @batch resolver of Post.editor', error);
        }
      },
      stats: (parent, _args, ctx, info) => {
        const key = parent;
        try {
          return prefetch(resolveOne(ctx.dataloader.with(sources.PostStats).load(key, project(info, sources.PostStats)), batchFields['Post.stats'], key, info), info, ctx.dataloader, ctx);
        } catch (error) {
          throw missingDataloader(ctx, 'dataloader', 'The @batch resolver of Post.stats', error);
        }
      },
      tags: (parent, _args, ctx, info) => {
        const keys = parent.tagIds;
        try {
          return prefetch(resolveEach(ctx.dataloader.with(sources.Tag).loadAll(keys, project(info, sources.Tag)), batchFields['Post.tags'], keys, false, info), info, ctx.dataloader, ctx);
        } catch (error) {
          throw missingDataloader(ctx, 'dataloader', 'The @batch resolver of Post.tags', error);
        }
      },
    },
    Query: {
      post: (_parent, args, ctx, info) => {
        const key = args.id;
        try {
          return prefetch(resolveNullable(ctx.dataloader.with(sources.Post).load(key, project(info, sources.Post))), info, ctx.dataloader, ctx);
        } catch (error) {
          throw missingDataloader(ctx, 'dataloader', 'The @batch resolver of Query.post', error);
        }
      },
    },
  } satisfies Resolvers;
  batchPrefetchers.set(resolvers, options.prefetch === false ? null : prefetch);
  return resolvers;
}

/**
 * Opts a hand-written resolver that returns an object or a list of objects (rows read by a
 * root field, say) into the lookahead prefetch of `batch`, the object createBatchResolvers
 * returned (pass that object itself, not a copy): the @batch fields below the value load
 * before it resolves, then resolve synchronously. Unchanged when prefetch is off.
 * @example
 * const batch = createBatchResolvers(sources);
 * const resolvers: Resolvers = {
 *   ...batch,
 *   Query: { ...batch.Query, posts: withPrefetch(batch, (_parent, args, ctx) => readPosts(ctx, args)) },
 * };
 */
export function withPrefetch<TResult, TParent, TContext extends { readonly dataloader: Dataloader }, TArgs>(
  batch: ReturnType<typeof createBatchResolvers>,
  resolver: ResolverFn<TResult, TParent, TContext, TArgs>,
): ResolverFn<TResult, TParent, TContext, TArgs> {
  const prefetch = batchPrefetchers.get(batch);
  if (prefetch === undefined) {
    throw new TypeError(
      'withPrefetch: the first argument is not an object that createBatchResolvers returned (a copy or a merged resolver map has no prefetch); pass the result of createBatchResolvers itself.',
    );
  }
  if (prefetch === null) return resolver;
  return (parent, args, ctx, info) => {
    const dataloader = ctx.dataloader;
    if (typeof dataloader?.with !== 'function') {
      throw missingDataloader(ctx, 'dataloader', `withPrefetch (${info.parentType.name}.${info.fieldName})`);
    }
    return prefetch(resolver(parent, args, ctx, info), info, dataloader, ctx);
  };
}
