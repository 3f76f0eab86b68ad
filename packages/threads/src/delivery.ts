import type { EventLoop } from '@asyncio-ts/core-loop';
import type { WorkerPool } from './worker-pool.js';

/**
 * How results reach the loop that waits for them. In host mode (runAsync) each worker's
 * MessagePort delivers them as events on the host's event loop. A loop blocked in run()
 * reads them with receiveMessageOnPort when core-loop's wake path wakes it (see
 * docs/ARCHITECTURE.md, "The wake path").
 */

/** The wake cell a worker notifies when it posts a result for `loop` (none yet). */
export function wakeCell(_loop: EventLoop): Int32Array | undefined {
  return undefined;
}

/**
 * Records on `loop` that work is outstanding in `pool` (the loop must wait for it rather
 * than report a deadlock); the returned function ends the record.
 */
export function linkJob(_loop: EventLoop, _pool: WorkerPool, _description: string): () => void {
  return noop;
}

function noop(): void {}
