import type { Coroutine } from '@asyncio-ts/core-loop';
import { describe } from './check.js';

/**
 * What `holding()` and `acquired()` accept: Lock, Condition, Semaphore, BoundedSemaphore, or
 * anything else with asyncio's acquire/release shape.
 */
export interface Acquirable {
  /** Waits for and takes the primitive. */
  acquire(): Coroutine<unknown>;
  /** Gives it back. */
  release(): void;
}

function checkAcquirable(primitive: unknown, where: string): Acquirable {
  const candidate = primitive as Partial<Acquirable> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.acquire !== 'function' ||
    typeof candidate.release !== 'function'
  ) {
    throw new TypeError(
      `${where}: expected a Lock, Condition or Semaphore (acquire/release), got ${describe(primitive)}`,
    );
  }
  return candidate as Acquirable;
}

/**
 * `async with lock: …` — takes `primitive`, runs `body` while holding it, and releases it when
 * the body returns, throws or is cancelled; evaluates to what the body returns. If the task
 * is cancelled while it waits to take the primitive, the body does not run.
 *
 * @example
 * const result = yield* holding(lock, function* () {
 *   yield* sleep(0.1);
 *   return 'done with the lock held';
 * });
 */
export function holding<T>(primitive: Acquirable, body: () => Coroutine<T>): Coroutine<T> {
  const checked = checkAcquirable(primitive, 'holding(primitive, body)');
  if (typeof body !== 'function') {
    throw new TypeError(
      `holding(primitive, body): body must be a generator function, got ${describe(body)}`,
    );
  }
  return holdingBody(checked, body);
}

function* holdingBody<T>(primitive: Acquirable, body: () => Coroutine<T>): Coroutine<T> {
  yield* primitive.acquire();
  try {
    return yield* body();
  } finally {
    primitive.release();
  }
}

/** The handle `acquired()` gives: releases the primitive once, when disposed. */
export interface Held extends Disposable {
  /** Releases the primitive (only the first call does anything). */
  release(): void;
}

/**
 * `async with lock:` for a `using` declaration: takes `primitive` and evaluates to a handle
 * that releases it at the end of the enclosing block (return, throw or cancellation).
 *
 * @example
 * function* critical() {
 *   using _held = yield* acquired(lock);
 *   yield* sleep(0.1); // the lock is held until the block ends
 * }
 */
export function acquired(primitive: Acquirable): Coroutine<Held> {
  return acquiredBody(checkAcquirable(primitive, 'acquired(primitive)'));
}

function* acquiredBody(primitive: Acquirable): Coroutine<Held> {
  yield* primitive.acquire();
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    primitive.release();
  };
  return { release, [Symbol.dispose]: release };
}
