// The batched resolver set: the generated wrappers for every @batch field, merged with the one
// field the schema leaves to hand-written code.
import { createBatchResolvers, type Resolvers } from './generated/graphql.js';
import { firstPosts } from './queries.js';
import { sources } from './sources.js';

const batched = createBatchResolvers(sources);

export const batchedResolvers: Resolvers = {
  ...batched,
  Query: {
    ...batched.Query,
    posts: (_parent, args, ctx) => firstPosts(ctx.db, args.first),
  },
};
