import type { EventLoop, Task } from '@asyncio-ts/core-loop';
import type { ReentryHooks } from '@asyncio-ts/core-loop/internal';

/** One nested run in progress: the loop it runs and the frame it suspended. */
export interface NestedFrame {
  /** The loop the nested run drives. */
  readonly loop: EventLoop;
  /** The task whose step called the nested run (suspended beneath it), or null for a callback. */
  readonly caller: Task<unknown> | null;
}

/**
 * What `apply()` / `revert()` change, shared by every copy of nest-patch loaded in one realm
 * (ESM and CJS alike), like core-loop's registry. Nothing is stored on core-loop objects.
 */
export interface PatchState {
  /** `apply()` without a loop is in effect. */
  all: boolean;
  /** Loops patched one by one with `apply(loop)`. */
  loops: WeakSet<EventLoop>;
  /** Loops taken back with `revert(loop)` while `all` is in effect. */
  excluded: WeakSet<EventLoop>;
  /** The hooks nest-patch installed, or null when none are. */
  hooks: ReentryHooks | null;
  /** Hooks that were installed before ours; asked when ours do not apply. */
  previous: ReentryHooks | null;
  /** Nested runs in progress, outermost first. */
  readonly frames: NestedFrame[];
}

const KEY = Symbol.for('asyncio-ts.nest-patch.state.v1');
const host = globalThis as unknown as Record<symbol, PatchState | undefined>;

function sharedState(): PatchState {
  const existing = host[KEY];
  if (existing !== undefined) return existing;
  const created: PatchState = {
    all: false,
    loops: new WeakSet(),
    excluded: new WeakSet(),
    hooks: null,
    previous: null,
    frames: [],
  };
  host[KEY] = created;
  return created;
}

/** The shared patch state, created on first use. */
export const patchState: PatchState = sharedState();

/** True when `loop` may run re-entrantly. */
export function isPatched(loop: EventLoop): boolean {
  const state = patchState;
  return state.all ? !state.excluded.has(loop) : state.loops.has(loop);
}
