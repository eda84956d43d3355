// The batched resolver set: the generated wrappers for every @batch field, merged with the one
// field the schema leaves to hand-written code. That field returns rows, so it opts in to the
// lookahead prefetch (withPrefetch): the authors, editors, tags and comments below it load with
// the same batches as without it, and then resolve synchronously.
import { createBatchResolvers, type Resolvers, withPrefetch } from './generated/graphql.js';
import { liveResolvers } from './live.js';
import { firstPosts } from './queries.js';
import { sources } from './sources.js';

const batched = createBatchResolvers(sources);

export const batchedResolvers: Resolvers = {
  ...batched,
  Query: {
    ...batched.Query,
    posts: withPrefetch(batched, (_parent, args, ctx) => firstPosts(ctx.db, args.first)),
  },
  ...liveResolvers,
};
