/**
 * `@asyncio-ts/contextvars/internal`: what core-loop needs to run tasks and callbacks in a
 * context without allocating a Context for each. Not for applications.
 *
 * A task or a Handle is itself a `ContextOwner`: it carries the mapping it runs in (`_vars`,
 * captured when it was created) and is made `contextState.current` while it runs, so that
 * `ContextVar.set()` writes into it and nowhere else.
 */

export { enterContext, isContext, leaveContext } from './context.js';
export { EMPTY_MAP, type HashMap, mapNodes } from './hamt.js';
export { type ContextOwner, type ContextState, contextState } from './state.js';

import type { Context } from './context.js';
import type { HashMap } from './hamt.js';
import { contextState } from './state.js';

/** The mapping of the current context (what a copy taken now would hold). */
export function currentVars(): HashMap {
  return contextState.current._vars;
}

/** The mapping a Context holds. */
export function varsOf(context: Context): HashMap {
  return context._vars;
}
