// Our runtime's side of the contenders: the per-request context, the user's own root resolver,
// the runtime's counters. The @batch resolvers are the plugin's (scenarios/ours-plugin.ts).
import { AsyncDataloader, Dataloader } from 'graphql-codegen-batch/runtime';
import type { Backend } from '../fixtures/backend.js';
import type { ResolverMap } from '../fixtures/schema.js';

export interface OursContext {
  readonly dataloader: Dataloader;
}

/** The user's own resolver for the root field: a plain read, as in the other contenders. */
export function oursRootResolvers(backend: Backend): ResolverMap {
  return {
    Query: { posts: (_root: unknown, args: { first: number }) => backend.posts(args.first) },
  };
}

export type Mode = 'sequential' | 'async';

export function oursContext(mode: Mode): () => OursContext {
  return mode === 'async'
    ? () => ({ dataloader: new AsyncDataloader() })
    : () => ({ dataloader: new Dataloader() });
}

/** The runtime's own counters after one execution. */
export function oursInspect(context: object): Readonly<Record<string, number>> {
  const { rounds, batches } = (context as OursContext).dataloader.stats;
  return { rounds, batches };
}
