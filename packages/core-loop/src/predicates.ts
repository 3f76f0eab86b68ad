import { FUTURE_BRAND } from './brand.js';
import type { Future } from './future.js';
import type { Awaitable, Coroutine } from './types.js';

/** asyncio.isfuture: true for Futures and Tasks (from any copy of this package). */
export function isFuture(value: unknown): value is Future<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [FUTURE_BRAND]?: true })[FUTURE_BRAND] === true
  );
}

/** asyncio.iscoroutine: true for generator objects (what `function*` returns). */
export function isCoroutine(value: unknown): value is Coroutine<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Coroutine<unknown>>;
  return (
    typeof candidate.next === 'function' &&
    typeof candidate.throw === 'function' &&
    typeof candidate.return === 'function' &&
    typeof candidate[Symbol.iterator] === 'function' &&
    !isFuture(value)
  );
}

/** True for native promises and other thenables (adopted by the loop in host mode only). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * True for objects `yield*` can drive that are neither Futures nor coroutines (custom
 * awaitables); arrays, maps, sets and typed arrays are iterable but not awaitable.
 */
export function isAwaitableObject(value: unknown): value is Awaitable<unknown> {
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

function* awaitIn<T>(awaitable: Awaitable<T>): Coroutine<T> {
  return yield* awaitable;
}

/** A coroutine for any awaitable that is not a Future: itself, or one that `yield*`s it. */
export function asCoroutine<T>(awaitable: Awaitable<T>): Coroutine<T> {
  return isCoroutine(awaitable) ? (awaitable as Coroutine<T>) : awaitIn(awaitable);
}
