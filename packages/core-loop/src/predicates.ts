import { FUTURE_BRAND } from './brand.js';
import type { Future } from './future.js';
import type { Coroutine } from './types.js';

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
