// The schema's mutation and subscription, the same in both resolver sets: renameUser writes and
// publishes the user's id, userRenamed delivers each id as the user read at that moment. The
// subscription's events share one context, but useDataloader (app.ts) gives each event a
// Dataloader of its own, so a user renamed twice is read twice, not served from the first
// event's cache.
import type { Context } from './context.js';
import type { Resolvers } from './generated/graphql.js';
import { parseRowId, renameUser } from './queries.js';
import { Users } from './sources.js';

export const liveResolvers: Pick<Resolvers, 'Mutation' | 'Subscription'> = {
  Mutation: {
    renameUser: async (_parent, args, ctx) => {
      const id = parseRowId(args.id);
      const [row] = id === null ? [] : await renameUser(ctx.db, id, args.name);
      if (row === undefined) return null;
      ctx.events.publish('userRenamed', row.id);
      return row;
    },
  },
  Subscription: {
    userRenamed: {
      subscribe: (_parent, _args, ctx) => ctx.events.subscribe('userRenamed'),
      // The payload is the published id (typescript-resolvers types it `any`: annotated here).
      resolve: async (id: number, _args: unknown, ctx: Context) => {
        const user = await ctx.dataloader.with(Users).load(id);
        if (user === null) throw new Error(`User not found for key "${id}" (userRenamed)`);
        return user;
      },
    },
  },
};
