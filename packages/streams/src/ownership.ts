import type { EventLoop } from '@asyncio-ts/core-loop';
import { getReentryHooks, isHostMode } from '@asyncio-ts/core-loop/internal';

/** Where a new socket, server or child process lives. */
export type Owner = 'host' | 'worker';

function forcedOwner(): Owner | null {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  return env?.ASYNCIO_TS_IO === 'worker' ? 'worker' : null;
}

/**
 * Decides who owns a new socket, server or child process of `loop`:
 * - a blocking run (`run()`): the I/O worker, since the host's loop never turns;
 * - `runAsync()`: the host's own `node:net`/`node:child_process` (the fast path), unless
 *   nest-patch is applied: a nested `run()` then blocks the thread, and only sockets owned
 *   by the worker keep moving while it does.
 * `ASYNCIO_TS_IO=worker` sends everything to the worker (for measurements).
 */
export function ownerFor(loop: EventLoop): Owner {
  if (!isHostMode(loop)) return 'worker';
  if (getReentryHooks() !== null) return 'worker';
  return forcedOwner() ?? 'host';
}
