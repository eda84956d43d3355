// graphql-codegen-batch/server: framework-neutral pieces for putting the runtime behind a server
// (graphql-js, Apollo Server, Envelop/Yoga, or your own). No Node-only imports.

export type { BatchTraceMessage } from './diagnostics.js';
export { BATCH_TRACING_CHANNEL, diagnosticsChannelHooks } from './diagnostics.js';
export type { AnySource, BatchScope } from './hooks.js';
export { batchScope, composeHooks, outcomeOf, sourceName } from './hooks.js';
export { clearCacheBetweenMutationFields } from './mutations.js';
export type { JobResolverFn, ResolverJob } from './resolver.js';
export { jobResolver, jobResolverOn } from './resolver.js';
export type { BatchStats, SourceStats, StatsCollector } from './stats.js';
export { collectStats } from './stats.js';
