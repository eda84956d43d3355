/**
 * Runs `fn` after the current macrotask and its whole microtask queue: by then graphql-js has
 * called every resolver it can reach from settled promises, so their loads share one batch.
 * `setImmediate` where it exists (Node, Bun), a MessageChannel in browsers and workers, and
 * `setTimeout` last; no Node-only global is required.
 */
export function defaultSchedule(fn: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(fn);
  else if (typeof MessageChannel === 'function') postMessageTask(fn);
  else setTimeout(fn, 0);
}

function postMessageTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}
