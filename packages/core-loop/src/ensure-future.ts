import type { Context } from '@asyncio-ts/contextvars';
import { checkLoop } from './checks.js';
import { RuntimeError } from './errors.js';
import type { EventLoop } from './event-loop.js';
import type { Future } from './future.js';
import { ownOption } from './options.js';
import { asCoroutine, isAwaitableObject, isFuture, isThenable } from './predicates.js';
import { repr } from './repr.js';
import { getEventLoop } from './running-loop.js';
import type { Awaitable } from './types.js';

/** Options for `ensureFuture`. */
export interface EnsureFutureOptions {
  /** The loop to wrap coroutines on; default: the running or current loop. */
  loop?: EventLoop;
  /**
   * The Context a Task made here runs in (default: a copy of the current context). Ignored
   * for a Future or Task, which already have theirs.
   */
  context?: Context | null | undefined;
}

/**
 * asyncio.ensure_future: a Future or Task is returned as is; a coroutine (or any other
 * awaitable) is wrapped in a Task on the loop; a native promise is adopted in host mode.
 *
 * @example
 * ```ts
 * import { ensureFuture, run } from '@asyncio-ts/core-loop';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   const task = ensureFuture(sleep(1, 'late')); // a Task, started now
 *   task.addDoneCallback((t) => console.log(t.result()));
 *   yield* task;
 * });
 * ```
 */
export function ensureFuture<T>(
  awaitable: Awaitable<T> | PromiseLike<T>,
  options?: EnsureFutureOptions,
): Future<T> {
  const loop = ownOption(options, 'loop');
  if (loop !== undefined) checkLoop(loop, 'ensureFuture(): options.loop');
  if (isFuture(awaitable)) {
    if (loop !== undefined && awaitable.getLoop() !== loop) {
      // asyncio's ValueError, mapped to RangeError as everywhere (see the README).
      throw new RangeError(
        'The future belongs to a different loop than the one specified as the loop argument',
      );
    }
    return awaitable as Future<T>;
  }
  const target = loop ?? getEventLoop();
  // A coroutine runs as is; any other awaitable is driven by a coroutine that `yield*`s it.
  if (isAwaitableObject(awaitable)) {
    const context = options?.context;
    return target.createTask(
      asCoroutine(awaitable as Awaitable<T>),
      context === undefined ? undefined : { context },
    );
  }
  if (isThenable(awaitable)) {
    const adopted = target._adoptPromise(awaitable as PromiseLike<T>);
    if (adopted === null) {
      throw new RuntimeError(
        'a native Promise cannot settle while a blocking run holds the thread: use runAsync() to await native promises',
      );
    }
    return adopted as Future<T>;
  }
  throw new TypeError(
    `An asyncio-ts Future, a coroutine or an awaitable is required, got ${repr(awaitable)}`,
  );
}
