// What every resolver and every Source receives as its context (codegen.yml: contextType
// ../context.js#Context). The servers build one per request: the request's logging handle on
// the tables, and the Dataloader that the server integration adds (useDataloader under Yoga,
// the Apollo plugin under Apollo Server), created with this same context so that a Source reads
// `this.context.db`.
import type { Dataloader } from 'graphql-codegen-batch/runtime';
import type { LibraryDb } from './data.js';

export interface Context {
  readonly db: LibraryDb;
  readonly dataloader: Dataloader;
}
