import type { Coroutine } from '@asyncio-ts/core-loop';
import { QueueShutDown } from './errors.js';
import type { Queue } from './queue.js';

/**
 * `async for item in queue` until it is shut down: gets items one by one, runs `body(item)` for
 * each and marks it done with `taskDone()` (also when the body throws, which then ends the
 * loop with that error). Returns the number of items handled once `get()` throws
 * `QueueShutDown` (after `shutdown()` and the items left are drained).
 *
 * @example
 * const worker = consume(queue, function* (url) {
 *   yield* fetchPage(url); // `url` has the queue's item type
 * });
 */
export function consume<T>(
  queue: Queue<T>,
  body: (item: T) => Coroutine<unknown>,
): Coroutine<number> {
  if (typeof body !== 'function') {
    throw new TypeError(
      `consume(queue, body): body must be a generator function, got ${typeof body}`,
    );
  }
  if (typeof queue !== 'object' || queue === null || typeof queue.get !== 'function') {
    throw new TypeError(`consume(queue, body): queue must be a Queue, got ${String(queue)}`);
  }
  return consumeLoop(queue, body);
}

function* consumeLoop<T>(
  queue: Queue<T>,
  body: (item: T) => Coroutine<unknown>,
): Coroutine<number> {
  let handled = 0;
  for (;;) {
    let item: T;
    try {
      item = yield* queue.get();
    } catch (error) {
      if (error instanceof QueueShutDown) return handled;
      throw error;
    }
    try {
      yield* body(item);
    } finally {
      queue.taskDone();
    }
    handled++;
  }
}
