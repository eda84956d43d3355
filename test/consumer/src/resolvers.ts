// The resolver map both servers serve: the generated wrappers of every @batch field, merged with
// what the schema leaves to hand-written code: which type an Item or a Hit row is, the search
// (rows read directly, opted in to the lookahead prefetch) and the one mutation.
import { NotFoundError } from 'graphql-codegen-batch/runtime';
import { createBatchResolvers, type Resolvers, withPrefetch } from './generated/graphql.js';
import type { AuthorRow, BookRow, FilmRow } from './models.js';
import { Members, sources } from './sources.js';

const batched = createBatchResolvers(sources);

const typeNames = { author: 'Author', book: 'Book', film: 'Film' } as const;
/** The GraphQL type of an Item or Hit row (graphql-js asks every interface and union). */
const typeOf = <R extends AuthorRow | BookRow | FilmRow>(row: R) =>
  typeNames[row.kind as R['kind']];

export const resolvers: Resolvers = {
  ...batched,
  Item: { __resolveType: typeOf },
  Hit: { __resolveType: typeOf },
  Query: {
    ...batched.Query,
    search: withPrefetch(batched, (_parent, args, ctx) => ctx.db.search(args.text)),
  },
  Mutation: {
    renameMember: async (_parent, args, ctx) => {
      await ctx.db.renameMember(args.id, args.name);
      const member = await ctx.dataloader.with(Members).load(args.id);
      if (member === null) {
        throw new NotFoundError('Member', 'Mutation.renameMember', 'Member', args.id);
      }
      return member;
    },
  },
};
