import type { EventLoop } from '@asyncio-ts/core-loop';
import { getReentryHooks, setReentryHooks } from '@asyncio-ts/core-loop/internal';
import { nestHooks } from './hooks.js';
import { isPatched, patchState } from './patch-state.js';

function checkLoop(loop: unknown, fn: string): void {
  if (loop === undefined) return;
  const proto = (loop as { runUntilComplete?: unknown } | null)?.runUntilComplete;
  if (typeof proto !== 'function') {
    const received = loop === null ? 'null' : typeof loop === 'object' ? String(loop) : typeof loop;
    throw new TypeError(`${fn}() expected an EventLoop or no argument, got ${received}`);
  }
}

function installHooks(): void {
  const state = patchState;
  if (state.hooks !== null && getReentryHooks() === state.hooks) return;
  state.previous = setReentryHooks(nestHooks);
  state.hooks = nestHooks;
}

function uninstallHooks(): void {
  const state = patchState;
  if (state.hooks !== null && getReentryHooks() === state.hooks) setReentryHooks(state.previous);
  state.hooks = null;
  state.previous = null;
}

/**
 * nest_asyncio.apply: afterwards `run()` and `loop.runUntilComplete()` / `runForever()` may
 * be called while a loop is running. Without `loop`, every loop is patched; with one, only
 * that loop (a nested `run()` then works when it is the running loop).
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { apply } from '@asyncio-ts/nest-patch';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * apply();
 * run(function* () {
 *   // A synchronous library call that runs its own event loop, inside a running one:
 *   const inner = run(function* () {
 *     yield* sleep(1);
 *     return 'nested';
 *   });
 *   console.log(inner); // 'nested'
 * });
 * ```
 */
export function apply(loop?: EventLoop): void {
  checkLoop(loop, 'apply');
  const state = patchState;
  if (loop === undefined) {
    state.all = true;
    state.excluded = new WeakSet();
  } else {
    state.loops.add(loop);
    state.excluded.delete(loop);
  }
  installHooks();
}

/**
 * Undoes `apply`: without `loop`, every loop gets asyncio's refusals back and the hooks are
 * removed from core-loop; with one, only that loop. Nested runs in progress finish normally.
 */
export function revert(loop?: EventLoop): void {
  checkLoop(loop, 'revert');
  const state = patchState;
  if (loop === undefined) {
    state.all = false;
    state.loops = new WeakSet();
    state.excluded = new WeakSet();
    uninstallHooks();
  } else {
    state.loops.delete(loop);
    if (state.all) state.excluded.add(loop);
  }
}

/**
 * True when `loop` may run re-entrantly (`apply()` or `apply(loop)` in effect for it);
 * without a loop, true when `apply()` patched every loop.
 */
export function isApplied(loop?: EventLoop): boolean {
  checkLoop(loop, 'isApplied');
  if (loop === undefined) return patchState.all && patchState.hooks !== null;
  return patchState.hooks !== null && isPatched(loop);
}
