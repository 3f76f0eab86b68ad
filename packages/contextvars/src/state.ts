import { EMPTY_MAP, type HashMap } from './hamt.js';

/**
 * Whatever is the current context: a `Context` entered with `run()`, or an object that
 * core-loop makes current for a task step or a callback (the task or the Handle itself,
 * which carries the mapping it runs in, so that no Context is allocated for it).
 * `ContextVar.set()` replaces `_vars` of the current owner.
 */
export interface ContextOwner {
  /** @internal The mapping the owner runs in. */
  _vars: HashMap;
}

/**
 * The per-thread state of contextvars (Python keeps it in the thread state), shared by every
 * copy of this package loaded in one realm (ESM and CJS alike) through a `Symbol.for` key.
 */
export interface ContextState {
  /** The current context. */
  current: ContextOwner;
  /** How many ContextVars were made: the source of their unique hashes. */
  varCount: number;
}

const KEY = Symbol.for('asyncio-ts.contextvars.state.v1');
const host = globalThis as unknown as Record<symbol, ContextState | undefined>;

function sharedState(): ContextState {
  const existing = host[KEY];
  if (existing !== undefined) return existing;
  // The base context of the thread: what code outside any task or Context.run() sees.
  const created: ContextState = { current: { _vars: EMPTY_MAP }, varCount: 0 };
  host[KEY] = created;
  return created;
}

/** The shared state, created by the first copy of the package that loads. */
export const contextState: ContextState = sharedState();
