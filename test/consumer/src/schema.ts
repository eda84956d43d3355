// The SDL both servers build their schema from: the runtime's declaration of @batch (graphql-js
// needs every directive declared), then the schema the plugin read.
import { readFileSync } from 'node:fs';
import { batchDirectiveSDL } from 'graphql-codegen-batch/runtime';

export const typeDefs = [
  batchDirectiveSDL,
  readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
];
