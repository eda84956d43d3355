// Our contender's resolvers while the plugin has not landed: hand-written in exactly the shape
// it generates (resolveOne/resolveMany over ctx.dataloader.with(...)).
import { handWrittenBatchResolvers, oursRootResolvers, oursSources } from '../contenders/ours.js';
import type { OursResolvers } from './e2e.js';

export const handWrittenOurs: OursResolvers = {
  description:
    'resolvers hand-written in the generated shape (resolveOne/resolveMany over ctx.dataloader.with), not yet the plugin output',
  resolvers: (backend) => ({
    ...oursRootResolvers(backend),
    ...handWrittenBatchResolvers(oursSources(backend)),
  }),
};
