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

/**
 * Makes `instanceof cls` true for every object carrying `brand` on its prototype chain, so
 * that the classes of two copies of a package (ESM and CJS) are one for `instanceof`.
 */
function brandClass(cls: abstract new (...args: never[]) => Error, brand: symbol): void {
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

// core-loop's brand for its RuntimeError: the two classes are one for instanceof.
brandClass(RuntimeError, Symbol.for('asyncio-ts.core-loop.RuntimeError'));
brandClass(LookupError, Symbol.for('asyncio-ts.contextvars.LookupError'));
