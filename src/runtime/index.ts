// graphql-codegen-batch/runtime: the public entry of the scheduler. Zero dependencies; nothing
// here imports graphql or the codegen (test/architecture.test.ts enforces it).

export type { CacheMap, CachePolicy } from './cache.js';
export type {
  AsyncDataloaderOptions,
  BatchEvent,
  DataloaderHooks,
  DataloaderOptions,
  Job,
} from './dataloader.js';
export { AsyncDataloader, Dataloader } from './dataloader.js';
export { batchDirectiveSDL } from './directive.js';
export { DeadlockError, missingDataloader, NotFoundError } from './errors.js';
export { groupByKeys, orderByKeys } from './helpers.js';
export { all, Load } from './load.js';
export type {
  Prefetch,
  PrefetchField,
  PrefetchKeyPart,
  PrefetchOptions,
  PrefetchPlan,
} from './prefetch/prefetch.js';
export { createPrefetch } from './prefetch/prefetch.js';
export type { Project } from './prefetch/projection.js';
export { createProjection } from './prefetch/projection.js';
export type { ResolveInfoLike } from './prefetch/shapes.js';
export type { FieldOf, Projection } from './projection.js';
export type { BatchField } from './resolve.js';
export {
  batchParams,
  resolveEach,
  resolveMany,
  resolveNullable,
  resolveOne,
} from './resolve.js';
export type {
  ElementOf,
  FetchResult,
  KeyOf,
  ParamsOf,
  RowsResult,
  SourceClass,
  ValueOf,
} from './source.js';
export { Source } from './source.js';
export type { PromiseOrValue } from './util/promiseOrValue.js';
