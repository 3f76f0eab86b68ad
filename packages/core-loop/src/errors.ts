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

/**
 * Makes `instanceof` see the same error class from every copy of the package (an ESM and a CJS
 * build loaded together): a Task must recognise a CancelledError made by the other copy.
 */
function sameClassInEveryCopy(cls: abstract new (...args: never[]) => Error, name: string): void {
  const brand = Symbol.for(`asyncio-ts.core-loop.${name}`);
  Object.defineProperty(cls.prototype, brand, { value: true });
  Object.defineProperty(cls, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      // Subclasses keep the ordinary prototype-chain check.
      if (this !== cls) return Function.prototype[Symbol.hasInstance].call(this, value);
      return (
        typeof value === 'object' &&
        value !== null &&
        (value as Record<symbol, unknown>)[brand] === true
      );
    },
  });
}

sameClassInEveryCopy(CancelledError, 'CancelledError');
sameClassInEveryCopy(InvalidStateError, 'InvalidStateError');
sameClassInEveryCopy(TimeoutError, 'TimeoutError');
sameClassInEveryCopy(RuntimeError, 'RuntimeError');
sameClassInEveryCopy(KeyboardInterrupt, 'KeyboardInterrupt');

/**
 * A CancelledError made by the loop machinery itself (a cancelled future's result, a woken
 * task): its stack could only show loop internals, so none is captured — cancelling 100,000
 * tasks makes 100,000 of these, and capturing stacks was most of that work.
 */
export function loopCancelledError(message: string): CancelledError {
  const errorClass = Error as { stackTraceLimit?: number | undefined };
  const limit = errorClass.stackTraceLimit;
  errorClass.stackTraceLimit = 0;
  try {
    return new CancelledError(message);
  } finally {
    errorClass.stackTraceLimit = limit;
  }
}
