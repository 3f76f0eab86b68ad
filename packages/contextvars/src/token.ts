import type { ContextVar } from './context-var.js';
import type { ContextOwner } from './state.js';

/** `Token.MISSING`: the `oldValue` of a token whose variable had no value before `set()`. */
const MISSING: unique symbol = Symbol('Token.MISSING');

/**
 * contextvars.Token: what `ContextVar.set()` returns, for `ContextVar.reset(token)` to put
 * the variable back as it was. A token can be used once, in the context that made it.
 */
export class Token<T = unknown> {
  /** The marker `oldValue` holds when the variable had no value before `set()`. */
  static readonly MISSING: typeof MISSING = MISSING;
  /** The variable whose `set()` made this token. */
  readonly var: ContextVar<T>;
  /** The value before `set()`, or `Token.MISSING`. */
  readonly oldValue: T | typeof MISSING;
  /** @internal The context the token was made in. */
  readonly _context: ContextOwner;
  /** @internal */
  _used = false;

  /** Made by `ContextVar.set()`; not meant to be constructed by users. */
  constructor(variable: ContextVar<T>, oldValue: T | typeof MISSING, context: ContextOwner) {
    this.var = variable;
    this.oldValue = oldValue;
    this._context = context;
  }

  /** Python's repr: `<Token used=false var=<ContextVar name='a'>>`. */
  toString(): string {
    return `<Token used=${this._used} var=${this.var}>`;
  }
}
