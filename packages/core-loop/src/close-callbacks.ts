import type { EventLoop } from './event-loop.js';

const callbacksByLoop = new WeakMap<EventLoop, (() => void)[]>();

/**
 * Adds `callback`, run once when `loop.close()` is called (before the loop is marked closed),
 * in the order added. Packages that own resources outside the loop (sockets, servers, child
 * processes, workers) close what is left there, as asyncio's loop closes its selector.
 * Returns a function that removes the callback.
 */
export function addCloseCallback(loop: EventLoop, callback: () => void): () => void {
  if (typeof callback !== 'function') {
    throw new TypeError(`addCloseCallback() expects a function, got ${typeof callback}`);
  }
  let callbacks = callbacksByLoop.get(loop);
  if (callbacks === undefined) {
    callbacks = [];
    callbacksByLoop.set(loop, callbacks);
  }
  callbacks.push(callback);
  return () => {
    const list = callbacksByLoop.get(loop);
    const index = list?.indexOf(callback) ?? -1;
    if (index >= 0) list?.splice(index, 1);
  };
}

/** Runs and forgets `loop`'s close callbacks; an exception goes to its exception handler. */
export function runCloseCallbacks(loop: EventLoop): void {
  const callbacks = callbacksByLoop.get(loop);
  if (callbacks === undefined) return;
  callbacksByLoop.delete(loop);
  for (const callback of callbacks) {
    try {
      callback();
    } catch (exception) {
      loop.callExceptionHandler({ message: 'Exception in a close callback', exception });
    }
  }
}
