import type { Future } from './future.js';

/**
 * runUntilComplete's done callback (blocking and host mode): stops the loop the future
 * belongs to if the run waiting on this future is the innermost one. Under a nested run
 * (nest-patch) that run is suspended beneath, and the nested run stops it when it returns;
 * a stale callback stops nothing.
 */
export function stopLoopOf(future: Future<unknown>): void {
  const loop = future.getLoop();
  if (loop._waitingOn === future) loop.stop();
}
