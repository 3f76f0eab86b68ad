import type { EventLoop } from './event-loop.js';
import type { Awaitable, Coroutine } from './types.js';

/**
 * What a re-entrancy patch (nest-patch) installs with `setReentryHooks`: core-loop calls
 * these where asyncio would refuse to run a loop inside a running one. Each hook decides
 * whether it applies to the loop in question; returning `NOT_HANDLED` keeps asyncio's error.
 */
export interface ReentryHooks {
  /** `run(main)` while `running` is running on this thread. */
  run<T>(running: EventLoop, main: Coroutine<T>): T | typeof NOT_HANDLED;
  /** `loop.runUntilComplete(aw)` while `loop`, or another loop, is running. */
  runUntilComplete<T>(loop: EventLoop, awaitable: Awaitable<T>): T | typeof NOT_HANDLED;
  /** `loop.runForever()` while `loop`, or another loop, is running. */
  runForever(loop: EventLoop): undefined | typeof NOT_HANDLED;
}

/** Returned by a hook that does not apply, so core-loop throws asyncio's error. */
export const NOT_HANDLED: unique symbol = Symbol.for('asyncio-ts.reentry.not-handled');
