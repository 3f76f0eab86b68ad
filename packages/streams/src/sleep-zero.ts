import type { Coroutine } from '@asyncio-ts/core-loop';

/** asyncio's `sleep(0)`: gives up the turn once (a bare yield). */
export function* sleepZero(): Coroutine<void> {
  yield;
}
