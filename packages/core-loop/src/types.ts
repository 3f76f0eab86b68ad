import type { Future } from './future.js';

/**
 * What a coroutine may hand the task that drives it: a Future (through `yield* fut`),
 * `undefined` (a bare `yield`: give up the turn once), or a PromiseLike (host mode only).
 */
export type Yielded = Future<unknown> | undefined | PromiseLike<unknown>;

/** A coroutine: a generator driven by a Task, asyncio's `async def` function object. */
export type Coroutine<T = unknown> = Generator<Yielded, T, unknown>;

/** Anything `yield*` can await: a Coroutine, a Future or a Task. */
export interface Awaitable<T = unknown> {
  [Symbol.iterator](): Iterator<Yielded, T, unknown>;
}

/** A coroutine or a function that makes one, as `run()` accepts. */
export type CoroutineSource<T> = Coroutine<T> | (() => Coroutine<T>);
