// graphql-codegen-batch/runtime: the public entry of the scheduler. Zero dependencies; nothing
// here imports graphql or the codegen (test/architecture.test.ts enforces it).
export { batchDirectiveSDL } from './directive.js';
export { groupByKeys, orderByKeys } from './helpers.js';
