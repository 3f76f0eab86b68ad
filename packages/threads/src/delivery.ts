import type { EventLoop } from '@asyncio-ts/core-loop';
import { addWakeSource, beginOutsideWork, wakeCellOf } from '@asyncio-ts/core-loop/internal';
import type { WorkerPool } from './worker-pool.js';

/**
 * How results reach the loop that waits for them, in every mode, through core-loop's wake
 * path (docs/ARCHITECTURE.md, "The wake path"): a worker posts its outcome on its
 * MessagePort, then notifies the loop's wake cell; the loop, blocked in run() or waiting on
 * the host in runAsync(), wakes and runs the pool's wake source, which drains the ports with
 * receiveMessageOnPort. While the host's event loop runs, the ports' 'message' events may
 * deliver first; each outcome is delivered once either way.
 */

/** The wake cell a worker notifies when it posts an outcome for `loop`. */
export function wakeCell(loop: EventLoop): Int32Array {
  return wakeCellOf(loop);
}

/** A pool's wake source on one loop, kept while the loop waits for any of its jobs. */
interface Link {
  jobs: number;
  remove: () => void;
}

const links = new WeakMap<EventLoop, Map<WorkerPool, Link>>();

/**
 * Records on `loop` that work is outstanding in `pool`: until the returned function is
 * called, a run with nothing else to do waits for the worker instead of reporting a
 * deadlock, and the pool's ports are drained whenever the loop's wake cell is notified.
 */
export function linkJob(loop: EventLoop, pool: WorkerPool, description: string): () => void {
  let byPool = links.get(loop);
  if (byPool === undefined) {
    byPool = new Map();
    links.set(loop, byPool);
  }
  let link = byPool.get(pool);
  if (link === undefined) {
    link = { jobs: 0, remove: addWakeSource(loop, () => pool.drain()) };
    byPool.set(pool, link);
  }
  link.jobs++;
  const work = beginOutsideWork(loop, description);
  const owner = byPool;
  const counted = link;
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    work.end();
    if (--counted.jobs === 0) {
      counted.remove();
      owner.delete(pool);
    }
  };
}
