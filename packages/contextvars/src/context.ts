import type { ContextVar } from './context-var.js';
import { RuntimeError } from './errors.js';
import { EMPTY_MAP, type HashMap, mapEntries, mapGet, mapHas } from './hamt.js';
import { repr } from './repr.js';
import { type ContextOwner, contextState } from './state.js';

const CONTEXT_BRAND = Symbol.for('asyncio-ts.contextvars.Context');

function checkVar(variable: unknown, method: string): void {
  if (
    typeof variable !== 'object' ||
    variable === null ||
    typeof (variable as { _hash?: unknown })._hash !== 'number'
  ) {
    throw new TypeError(`Context.${method}() expected a ContextVar, got ${repr(variable)}`);
  }
}

/**
 * contextvars.Context: an immutable mapping from ContextVars to values. `copyContext()`
 * snapshots the current one in O(1); `run(fn)` makes it current while `fn` runs, so the
 * `set()` calls made inside stay in it.
 */
export class Context implements ContextOwner, Iterable<[ContextVar<unknown>, unknown]> {
  /** @internal The mapping (a persistent hash trie: sharing it is copying it). */
  _vars: HashMap = EMPTY_MAP;
  /** @internal True while the context is current (entered by `run()` or by a task step). */
  _entered = false;

  /** An empty context (Python's `Context()`); `copyContext()` copies the current one. */
  constructor() {
    // biome-ignore lint/complexity/noArguments: Python's Context() refuses arguments; so do we
    if (arguments.length > 0) throw new TypeError('Context() takes no arguments');
  }

  /**
   * Runs `fn(...args)` with this context current and returns its result; what `fn` sets
   * stays in this context. Throws `RuntimeError` if the context is already entered.
   *
   * @example
   * const ctx = copyContext();
   * ctx.run(() => requestId.set('r-1'));
   * ctx.get(requestId); // 'r-1', while requestId.get() outside is unchanged
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
    if (typeof fn !== 'function') {
      throw new TypeError(`Context.run() expected a function, got ${repr(fn)}`);
    }
    const previous = enterContext(this);
    try {
      return fn(...args);
    } finally {
      leaveContext(this, previous);
    }
  }

  /** The value of `variable` in this context, or `defaultValue` (undefined) when it has none. */
  get<T>(variable: ContextVar<T>): T | undefined;
  /** The value of `variable` in this context, or `defaultValue` when it has none. */
  get<T, D>(variable: ContextVar<T>, defaultValue: D): T | D;
  get<T, D>(variable: ContextVar<T>, defaultValue?: D): T | D | undefined {
    checkVar(variable, 'get');
    return mapGet(this._vars, variable, defaultValue) as T | D | undefined;
  }

  /** True when `variable` has a value in this context (Python's `var in ctx`). */
  has(variable: ContextVar<unknown>): boolean {
    checkVar(variable, 'has');
    return mapHas(this._vars, variable);
  }

  /** How many variables have a value in this context (Python's `len(ctx)`). */
  get size(): number {
    return this._vars.size;
  }

  /** A shallow copy, in O(1) (Python's `ctx.copy()`). */
  copy(): Context {
    return contextOf(this._vars);
  }

  /** The variables that have a value. */
  *keys(): Generator<ContextVar<unknown>, void, undefined> {
    for (const [key] of mapEntries(this._vars)) yield key as ContextVar<unknown>;
  }

  /** The values. */
  *values(): Generator<unknown, void, undefined> {
    for (const [, value] of mapEntries(this._vars)) yield value;
  }

  /** `[variable, value]` pairs (Python's `ctx.items()`). */
  entries(): Generator<[ContextVar<unknown>, unknown], void, undefined> {
    return mapEntries(this._vars) as Generator<[ContextVar<unknown>, unknown], void, undefined>;
  }

  /** `for (const [variable, value] of ctx)`. */
  [Symbol.iterator](): Generator<[ContextVar<unknown>, unknown], void, undefined> {
    return this.entries();
  }

  /** `<Context size=2>` (Python shows an address instead). */
  toString(): string {
    return `<Context size=${this._vars.size}${this._entered ? ' entered' : ''}>`;
  }
}

Object.defineProperty(Context.prototype, CONTEXT_BRAND, { value: true });

/** A new Context holding `vars`. */
export function contextOf(vars: HashMap): Context {
  const context = new Context();
  context._vars = vars;
  return context;
}

/** True for a Context of any copy of this package. */
export function isContext(value: unknown): value is Context {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[CONTEXT_BRAND] === true
  );
}

/**
 * Makes `context` current and returns the context that was; throws `RuntimeError` when it
 * is already entered (Python's message: `cannot enter context: ... is already entered`).
 */
export function enterContext(context: Context): ContextOwner {
  if (context._entered) {
    throw new RuntimeError(`cannot enter context: ${context} is already entered`);
  }
  context._entered = true;
  const state = contextState;
  const previous = state.current;
  state.current = context;
  return previous;
}

/** Undoes `enterContext`: `previous` is current again. */
export function leaveContext(context: Context, previous: ContextOwner): void {
  context._entered = false;
  contextState.current = previous;
}

/**
 * contextvars.copy_context: a Context with the current context's values, in O(1) (the two
 * share the trie; later changes to either copy only the changed path).
 */
export function copyContext(): Context {
  return contextOf(contextState.current._vars);
}
