// Grafast (the `grafast` package): its own planner and executor, not graphql-js's. The same
// schema and backend as the other contenders, with the loaders Grafast documents for batching:
// `loadOne` for the users, `loadMany` with a `first` parameter for the comments. The callbacks
// return the backend's values directly (synchronously when the backend has no latency), so
// Grafast is measured at its best. Grafast plans an operation once and caches the plan on the
// schema; every timed execution reuses it, as a server with a parse cache does.
import './promise-with-resolvers.js';
import {
  execute,
  type FieldArgs,
  get,
  lambda,
  loadMany,
  loadOne,
  makeGrafastSchema,
  type Step,
} from 'grafast';
import type { ExecutionResult } from 'graphql';
import type { Backend } from '../fixtures/backend.js';
import type { CommentRow, UserRow } from '../fixtures/dataset.js';
import { batchDirective, queryDocument, schemaSDL } from '../fixtures/schema.js';
import type { PromiseOrValue } from '../lib/harness.js';

export const GRAFAST = 'Grafast';

type Execute = (context: object) => PromiseOrValue<ExecutionResult>;

/** A Grafast schema over `backend` and an executor of the bench query on it. */
export function grafastExecutor(backend: Backend): Execute {
  const users = (ids: readonly string[]) => backend.users(ids) as PromiseOrValue<UserRow[]>;
  const commentsByPost = (
    ids: readonly string[],
    info: { params: Partial<{ first: number }> },
  ): PromiseOrValue<CommentRow[][]> => backend.commentsByPost(ids, info.params.first ?? 10);
  const schema = makeGrafastSchema({
    typeDefs: batchDirective + schemaSDL,
    objects: {
      Query: {
        plans: {
          posts(_: Step, args: FieldArgs) {
            return lambda(args.getRaw('first') as Step<number>, (first) => backend.posts(first));
          },
        },
      },
      Post: {
        plans: {
          author($post: Step) {
            return loadOne(get($post, 'authorId') as Step<string>, users);
          },
          comments($post: Step, args: FieldArgs) {
            const $comments = loadMany(get($post, 'id') as Step<string>, commentsByPost);
            $comments.setParam('first', args.getRaw('first'));
            return $comments;
          },
        },
      },
      Comment: {
        plans: {
          author($comment: Step) {
            return loadOne(get($comment, 'authorId') as Step<string>, users);
          },
        },
      },
    },
  });
  return (contextValue) =>
    execute({ schema, document: queryDocument, contextValue }) as PromiseOrValue<ExecutionResult>;
}
