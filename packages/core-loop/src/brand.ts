/** Marks Futures (and Tasks) across copies of the package, as asyncio's duck-typed isfuture(). */
export const FUTURE_BRAND: unique symbol = Symbol.for('asyncio-ts.future');

/** Marks EventLoops across copies of the package, so a loop argument can be checked. */
export const LOOP_BRAND: unique symbol = Symbol.for('asyncio-ts.event-loop');

/**
 * A hand-written coroutine whose `throw(error)` would only clean up and throw `error` back
 * (sleep's) has a method under this key that does the cleanup alone: a task that throws
 * into it calls that and ends with the error itself, with no JS `throw`. Cancelling 100,000
 * tasks that each wrap a sleep (W6) spent ~15% of its time in that throw (issue 24).
 */
export const THROW_PASSES_THROUGH: unique symbol = Symbol.for('asyncio-ts.throw-passes-through');
