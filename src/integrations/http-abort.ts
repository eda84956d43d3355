// The abort signal of a Node HTTP request, typed structurally so that entries meant to load on
// any runtime (./apollo) can use it without importing a Node builtin.

/** What is read of Node's `IncomingMessage`. */
export interface RequestLike {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
}

/** What is read of Node's `ServerResponse`. */
export interface ResponseLike {
  readonly writableFinished: boolean;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * An AbortSignal that aborts when the response closes before it has finished: the client went
 * away (or the connection broke) before the whole response was sent.
 */
export function responseCloseSignal(req: RequestLike, res: ResponseLike): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) {
      controller.abort(
        new DOMException(
          `The client closed the connection (${req.method} ${req.url}).`,
          'AbortError',
        ),
      );
    }
  });
  return controller.signal;
}

/** `{ req, res }` of Node's HTTP server, as Apollo's standalone and Express integrations pass it. */
export function isNodeHttpPair(value: unknown): value is { req: RequestLike; res: ResponseLike } {
  if (typeof value !== 'object' || value === null) return false;
  const { req, res } = value as { req?: unknown; res?: unknown };
  return (
    typeof req === 'object' &&
    req !== null &&
    typeof res === 'object' &&
    res !== null &&
    typeof (res as { once?: unknown }).once === 'function' &&
    typeof (res as { writableFinished?: unknown }).writableFinished === 'boolean'
  );
}
