/** Marks Futures (and Tasks) across copies of the package, as asyncio's duck-typed isfuture(). */
export const FUTURE_BRAND: unique symbol = Symbol.for('asyncio-ts.future');
