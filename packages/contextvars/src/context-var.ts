import { LookupError, RuntimeError } from './errors.js';
import { type HashedKey, mapDelete, mapGet, mapSet } from './hamt.js';
import { repr } from './repr.js';
import { contextState } from './state.js';
import { Token } from './token.js';

/** Options for `new ContextVar()`. */
export interface ContextVarOptions<T> {
  /** What `get()` returns when the variable has no value in the current context. */
  default?: T;
}

const NO_VALUE: unique symbol = Symbol('no value');

/** A unique 32-bit hash for the n-th variable: a bijective mix, so no two variables share one. */
function hashOf(n: number): number {
  let h = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * contextvars.ContextVar: a variable whose value depends on the current context. Each task
 * has its own context (a copy of its creator's), so `set()` in one task is not seen by another.
 *
 * @example
 * const requestId = new ContextVar<string>('requestId', { default: '-' });
 * const token = requestId.set('r-42');
 * requestId.get(); // 'r-42'
 * requestId.reset(token);
 */
export class ContextVar<T = unknown> implements HashedKey {
  /** The variable's name (for reprs and error messages only). */
  readonly name: string;
  /** @internal The default, or NO_VALUE. */
  readonly _default: T | typeof NO_VALUE;
  /** @internal The unique hash that places the variable in a context's trie. */
  readonly _hash: number;

  /** A new variable; `name` must be a string. */
  constructor(name: string, options?: ContextVarOptions<T>) {
    if (typeof name !== 'string') {
      throw new TypeError(`ContextVar name must be a string, got ${repr(name)}`);
    }
    this.name = name;
    this._default =
      // An own property only: Object.prototype.default must not give every variable one.
      options !== undefined && Object.hasOwn(options, 'default')
        ? (options.default as T)
        : NO_VALUE;
    const state = contextState;
    if (state.varCount >= 0xffffffff) throw new RangeError('too many ContextVars were created');
    this._hash = hashOf(state.varCount++);
  }

  /**
   * The value in the current context; else `defaultValue` when given; else the variable's
   * default; else throws `LookupError`.
   */
  get(defaultValue?: T): T {
    const value = mapGet(contextState.current._vars, this, NO_VALUE);
    if (value !== NO_VALUE) return value as T;
    // biome-ignore lint/complexity/noArguments: an explicit `undefined` default counts, as in Python
    if (arguments.length > 0) return defaultValue as T;
    if (this._default !== NO_VALUE) return this._default;
    throw new LookupError(String(this));
  }

  /** Sets the value in the current context; the token lets `reset()` undo it. */
  set(value: T): Token<T> {
    const owner = contextState.current;
    const vars = owner._vars;
    const old = mapGet(vars, this, NO_VALUE);
    owner._vars = mapSet(vars, this, value);
    return new Token<T>(this, old === NO_VALUE ? Token.MISSING : (old as T), owner);
  }

  /**
   * Puts the variable back as it was before the `set()` that made `token`. Throws
   * `RuntimeError` when the token was used already, `RangeError` (Python's ValueError) when
   * it belongs to another variable or was made in another context.
   */
  reset(token: Token<T>): void {
    if (!(token instanceof Token)) {
      throw new TypeError(`an instance of Token was expected, got ${repr(token)}`);
    }
    if (token._used) throw new RuntimeError(`${token} has already been used once`);
    if (token.var !== this) throw new RangeError(`${token} was created by a different ContextVar`);
    const owner = contextState.current;
    if (token._context !== owner) {
      throw new RangeError(`${token} was created in a different Context`);
    }
    token._used = true;
    const old = token.oldValue;
    owner._vars =
      old === Token.MISSING ? mapDelete(owner._vars, this) : mapSet(owner._vars, this, old);
  }

  /** Python's repr without the address: `<ContextVar name='a' default=1>`. */
  toString(): string {
    const fallback = this._default === NO_VALUE ? '' : ` default=${repr(this._default)}`;
    return `<ContextVar name=${repr(this.name)}${fallback}>`;
  }
}
