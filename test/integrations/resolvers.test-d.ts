// jobResolver against real typescript-resolvers output (resolvers/generated/types.ts): parent,
// args and context are inferred from the resolver type; the result is checked against it.
import { type Dataloader, Source } from 'graphql-codegen-batch/runtime';
import { jobResolver, jobResolverOn } from 'graphql-codegen-batch/server';
import { describe, expectTypeOf, it } from 'vitest';
import type { QueryResolvers, Resolvers } from './resolvers/generated/types.js';
import type { Context, PostRow, UserRow } from './resolvers/models.js';

declare class Posts extends Source<string, PostRow | null> {
  fetch(ids: string[]): Promise<(PostRow | null)[]>;
}
declare class Users extends Source<string, UserRow> {
  fetch(ids: string[]): Promise<UserRow[]>;
}

describe('jobResolver with typescript-resolvers', () => {
  it('infers parent, args and context from the resolver map', () => {
    const resolvers: Resolvers = {
      Query: {
        post: jobResolver(function* (parent, args, ctx) {
          expectTypeOf(parent).toEqualTypeOf<Record<PropertyKey, never>>();
          expectTypeOf(args.id).toEqualTypeOf<string>();
          expectTypeOf(ctx).toEqualTypeOf<Context>();
          return yield* ctx.dataloader.with(Posts).load(args.id);
        }),
        posts: jobResolver(function* (_parent, args, ctx) {
          const rows = yield* ctx.dataloader.with(Posts).loadAll(args.ids);
          return rows.filter((row): row is PostRow => row !== null);
        }),
      },
      Post: {
        author: jobResolver(function* (post, _args, ctx) {
          expectTypeOf(post).toEqualTypeOf<PostRow>();
          return yield* ctx.dataloader.with(Users).load(post.authorId);
        }),
      },
    };
    expectTypeOf(resolvers.Query).not.toBeUndefined();
  });

  it('rejects a result of the wrong type, and a context without a Dataloader', () => {
    const wrong: QueryResolvers = {
      // @ts-expect-error: Query.post returns a Post (PostRow), not a UserRow
      post: jobResolver(function* (_parent, args, ctx) {
        return yield* ctx.dataloader.with(Users).load(args.id);
      }),
    };
    type NoLoader = { user: string };
    const noLoader: QueryResolvers<NoLoader> = {
      // @ts-expect-error: the context has no `dataloader` field
      post: jobResolver(function* () {
        yield;
        return null;
      }),
    };
    type Other = { loader: Dataloader };
    const other: QueryResolvers<Other> = {
      post: jobResolverOn('loader')(function* (_parent, args, ctx) {
        return yield* ctx.loader.with(Posts).load(args.id);
      }),
    };
    expectTypeOf([wrong, noLoader, other]).toBeArray();
  });
});
