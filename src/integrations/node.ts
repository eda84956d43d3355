// graphql-codegen-batch/node: Node-only helpers (AsyncLocalStorage, http abort).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataloaderHooks } from 'graphql-codegen-batch/runtime';
import { responseCloseSignal } from './http-abort.js';

/**
 * Hooks that run every fetch inside the async context of the moment they are created, with every
 * AsyncLocalStorage's value as it was then (`AsyncLocalStorage.snapshot()`). Create them where
 * the request's Dataloader is created, in the request's context: a fetch then sees the request's
 * stores (a logger, a tenant, an OpenTelemetry context) whatever code path happened to schedule
 * it, in nested fetches and in every step of a generator fetch too.
 */
export function requestContextHooks(): DataloaderHooks {
  const snapshot = AsyncLocalStorage.snapshot();
  return { wrapFetch: (_source, _keys, fetch) => snapshot(fetch) };
}

/**
 * An AbortSignal that aborts when the client goes away before the response has been sent
 * (`res` closes before `finish`), for servers that hand out Node's `req`/`res` (Apollo Server's
 * standalone and Express integrations, plain `node:http`). Pass it to the request's Dataloader.
 */
export function requestAbortSignal(req: IncomingMessage, res: ServerResponse): AbortSignal {
  return responseCloseSignal(req, res);
}
