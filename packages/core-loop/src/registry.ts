import type { EventLoop } from './event-loop.js';
import type { ReentryHooks } from './reentry.js';

/**
 * Process-wide (per realm) state shared by every copy of core-loop that is loaded, ESM and
 * CJS alike: it lives on `globalThis` under a `Symbol.for` key.
 */
export interface LoopRegistry {
  /** The loop whose callbacks are executing on this thread, as asyncio's `_running_loop`. */
  running: EventLoop | null;
  /** The loop set with `setEventLoop`, as the policy's current loop. */
  current: EventLoop | null;
  /** Installed by a re-entrancy patch (nest-patch); consulted where asyncio would refuse. */
  reentry: ReentryHooks | null;
  /** Makes a new loop; set by the first copy of event-loop.ts that loads. */
  makeLoop: (() => EventLoop) | null;
  /** Counter for default task names (`Task-1`, `Task-2`, ...), shared as in asyncio. */
  taskCounter: number;
}

const KEY = Symbol.for('asyncio-ts.core-loop.registry.v1');
const host = globalThis as unknown as Record<symbol, LoopRegistry | undefined>;

function sharedRegistry(): LoopRegistry {
  const existing = host[KEY];
  if (existing !== undefined) return existing;
  const created: LoopRegistry = {
    running: null,
    current: null,
    reentry: null,
    makeLoop: null,
    taskCounter: 0,
  };
  host[KEY] = created;
  return created;
}

/** The shared registry, created by the first copy of the package that loads. */
export const registry: LoopRegistry = sharedRegistry();
