// The SDL both servers build their schema from: schema.graphql as it is (it declares @batch).
import { readFileSync } from 'node:fs';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
