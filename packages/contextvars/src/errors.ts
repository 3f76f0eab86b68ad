/**
 * The errors contextvars throws, as `Error` subclasses whose `name` is the class name.
 * `RuntimeError` is core-loop's class: both carry the same `Symbol.for` brand, so
 * `instanceof RuntimeError` holds with either package's class (this package has no
 * dependency to import it from).
 */

/** Python's LookupError: `ContextVar.get()` of a variable with no value and no default. */
export class LookupError extends Error {
  override name = 'LookupError';
}

/** Python's RuntimeError: a Token used twice, a Context entered while already entered. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

// The brand core-loop's errors.ts gives its RuntimeError: the two classes are one for instanceof.
const RUNTIME_ERROR_BRAND = Symbol.for('asyncio-ts.core-loop.RuntimeError');
Object.defineProperty(RuntimeError.prototype, RUNTIME_ERROR_BRAND, { value: true });
Object.defineProperty(RuntimeError, Symbol.hasInstance, {
  value(this: unknown, value: unknown): boolean {
    if (this !== RuntimeError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[RUNTIME_ERROR_BRAND] === true
    );
  },
});

const LOOKUP_ERROR_BRAND = Symbol.for('asyncio-ts.contextvars.LookupError');
Object.defineProperty(LookupError.prototype, LOOKUP_ERROR_BRAND, { value: true });
Object.defineProperty(LookupError, Symbol.hasInstance, {
  value(this: unknown, value: unknown): boolean {
    if (this !== LookupError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[LOOKUP_ERROR_BRAND] === true
    );
  },
});
