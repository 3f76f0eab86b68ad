/** Marks Futures (and Tasks) across copies of the package, as asyncio's duck-typed isfuture(). */
export const FUTURE_BRAND: unique symbol = Symbol.for('asyncio-ts.future');

/** Marks EventLoops across copies of the package, so a loop argument can be checked. */
export const LOOP_BRAND: unique symbol = Symbol.for('asyncio-ts.event-loop');
