import type { Future } from './future.js';

/**
 * asyncio's `_release_waiter`: wakes whoever waits on `waiter` by giving it a result, once
 * (a waiter already done, or cancelled, is left alone). wait(), waitFor() and the timeouts
 * share this one copy through `@asyncio-ts/core-loop/internal`.
 */
export function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}
