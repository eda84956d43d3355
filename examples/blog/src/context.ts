// What every resolver receives as its context (codegen.yml: contextType ../context.js#Context).
// One per request: a fresh Dataloader, so cached values never leak from one request to the next,
// and a statement counter around the shared database, so each response can report its own SQL.
import { Dataloader } from 'graphql-codegen-batch/runtime';
import type { CountingDb, Db } from './db.js';

/**
 * The request's Dataloader, carrying the request's database handle: a Source reads it through
 * `this.dataloader` (GraphQL-Ruby's sources reach `context` the same way).
 */
export class RequestDataloader extends Dataloader {
  constructor(readonly db: Db) {
    super();
  }
}

export interface Context {
  readonly dataloader: RequestDataloader;
  /** The same handle as `dataloader.db`, for resolvers that query directly. */
  readonly db: CountingDb;
}

/** The database of the request a Source runs in. */
export function dbOf(dataloader: Dataloader): Db {
  if (dataloader instanceof RequestDataloader) return dataloader.db;
  throw new Error(
    `The blog's Sources read the database from the request's Dataloader: put a RequestDataloader on the context, not a ${dataloader.constructor.name}`,
  );
}
