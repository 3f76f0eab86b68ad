import { isFuture, isThenable } from './predicates.js';
import { repr } from './repr.js';
import type { Coroutine } from './types.js';

/**
 * Awaits a native promise (or any thenable) inside a coroutine, with its type inferred:
 * `const res = yield* awaitPromise(fetch(url))` gives a `Response`. This is the documented
 * form; a bare `yield promise` also works but evaluates to `unknown`.
 *
 * Host mode only (`runAsync`, `runUntilCompleteAsync`): a promise settles only when control
 * returns to the JS host, which a blocking `run()` never does, so there the awaiting task
 * fails with a RuntimeError that says to use `runAsync()`. A rejection is thrown into the
 * coroutine; cancelling the task stops the wait (the promise itself runs on). A Future or
 * Task passed here is simply awaited.
 *
 * @example
 * ```ts
 * import { awaitPromise, runAsync } from '@asyncio-ts/core-loop';
 *
 * const status = await runAsync(function* () {
 *   const response = yield* awaitPromise(fetch('http://127.0.0.1:8080/'));
 *   return response.status; // number
 * });
 * ```
 */
export function* awaitPromise<T>(promise: PromiseLike<T>): Coroutine<T> {
  if (isFuture(promise)) return (yield* promise) as T;
  if (!isThenable(promise)) {
    throw new TypeError(`awaitPromise() expects a promise or a thenable, got ${repr(promise)}`);
  }
  // The task adopts the thenable and resumes the coroutine with its value.
  return (yield promise) as T;
}
