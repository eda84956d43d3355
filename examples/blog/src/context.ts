// What every resolver receives as its context (codegen.yml: contextType ../context.js#Context).
// One per request: a statement counter around the shared database, so each response can report
// its own SQL, and a fresh Dataloader (useDataloader, in app.ts), so cached values never leak
// from one request to the next.
import type { Dataloader } from 'graphql-codegen-batch/runtime';
import type { PubSub } from 'graphql-yoga';
import type { CountingDb } from './db.js';

/** The app's events (Yoga's in-process pub/sub): a renamed user's id. */
export type BlogEvents = PubSub<{ userRenamed: [id: number] }>;

export interface Context {
  /** The request's database handle: resolvers query it, Sources read it as `this.context.db`. */
  readonly db: CountingDb;
  /** Put there by useDataloader, created with this context (the Sources' `this.context`). */
  readonly dataloader: Dataloader;
  /** Shared by every request of one app: renameUser publishes, userRenamed subscribes. */
  readonly events: BlogEvents;
}
