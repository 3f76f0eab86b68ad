/**
 * asyncio's exception classes as `Error` subclasses. Each sets `name` to its class name so
 * that `String(err)` reads like Python's `ClassName: message`.
 */

/** asyncio.CancelledError: thrown into a coroutine whose task or awaited future is cancelled. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** asyncio.InvalidStateError: a Future used in a state that does not allow the operation. */
export class InvalidStateError extends Error {
  override name = 'InvalidStateError';
}

/** asyncio.TimeoutError (Python's built-in TimeoutError since 3.11): a deadline passed. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Python's RuntimeError, as asyncio raises it: misuse of the loop, bad yields, deadlocks. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

/**
 * Python's KeyboardInterrupt: `run()`/`runAsync()` throw it after Ctrl-C (SIGINT) cancelled
 * the main task, as asyncio.run does.
 */
export class KeyboardInterrupt extends Error {
  override name = 'KeyboardInterrupt';
}
