import { RuntimeError } from './errors.js';
import type { EventLoop } from './event-loop.js';
import type { Future } from './future.js';
import { isCoroutine, isFuture } from './predicates.js';
import { repr } from './repr.js';
import { getEventLoop } from './running-loop.js';
import type { Awaitable, Coroutine } from './types.js';

/** Options for `ensureFuture`. */
export interface EnsureFutureOptions {
  /** The loop to wrap coroutines on; default: the running or current loop. */
  loop?: EventLoop;
}

function* awaitIn<T>(awaitable: Awaitable<T>): Coroutine<T> {
  return yield* awaitable;
}

function isAwaitableObject(value: unknown): value is Awaitable<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as Partial<Awaitable<unknown>>)[Symbol.iterator] === 'function' &&
    !Array.isArray(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set) &&
    !ArrayBuffer.isView(value)
  );
}

/**
 * asyncio.ensure_future: a Future or Task is returned as is; a coroutine (or any other
 * awaitable) is wrapped in a Task on the loop; a native promise is adopted in host mode.
 */
export function ensureFuture<T>(
  awaitable: Awaitable<T> | PromiseLike<T>,
  options?: EnsureFutureOptions,
): Future<T> {
  const loop = options?.loop;
  if (isFuture(awaitable)) {
    if (loop !== undefined && awaitable.getLoop() !== loop) {
      throw new RuntimeError(
        'The future belongs to a different loop than the one specified as the loop argument',
      );
    }
    return awaitable as Future<T>;
  }
  const target = loop ?? getEventLoop();
  if (isCoroutine(awaitable)) return target.createTask(awaitable as Coroutine<T>);
  if (isAwaitableObject(awaitable)) return target.createTask(awaitIn(awaitable as Awaitable<T>));
  if (
    typeof awaitable === 'object' &&
    awaitable !== null &&
    typeof (awaitable as PromiseLike<T>).then === 'function'
  ) {
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
