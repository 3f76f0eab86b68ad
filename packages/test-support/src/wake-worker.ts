/**
 * A real `worker_threads` worker for the wake-path tests: after `delayMs` it posts
 * `{ value, sentAt }` on its port (or, with `outcome: 'die'`, `{ died: true }`) and wakes the
 * loop with core-loop's own `notifyWakeCell`, bundled from the source for the worker.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { type Coroutine, getRunningLoop } from '@asyncio-ts/core-loop';
import { addWakeSource, beginOutsideWork, wakeCellOf } from '@asyncio-ts/core-loop/internal';
import { bundleSource } from './bundle.js';

let script: string | null = null;

function workerScript(): string {
  if (script !== null) return script;
  const { dir, bundle } = bundleSource('internal.ts');
  script = join(dir, 'worker.mjs');
  writeFileSync(
    script,
    `import { workerData } from 'node:worker_threads';
import { notifyWakeCell } from ${JSON.stringify(bundle)};
const { buffer, port, delayMs, outcome, value } = workerData;
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delayMs);
port.postMessage(outcome === 'die' ? { died: true } : { value, sentAt: performance.timeOrigin + performance.now() });
notifyWakeCell(new Int32Array(buffer));
port.close();
`,
  );
  return script;
}

/** What the worker does. */
export interface WorkerJob {
  /** The loop's wake cell (`wakeCellOf(loop)`). */
  cell: Int32Array;
  /** The worker's end of a MessageChannel. */
  port: MessagePort;
  delayMs: number;
  outcome?: 'deliver' | 'die';
  value?: unknown;
}

/** Starts the worker; it ends by itself after posting. */
export function startWakeWorker(job: WorkerJob): Worker {
  return new Worker(workerScript(), {
    workerData: {
      buffer: job.cell.buffer,
      port: job.port,
      delayMs: job.delayMs,
      outcome: job.outcome ?? 'deliver',
      value: job.value ?? null,
    },
    transferList: [job.port],
  });
}

export interface Delivery {
  value: number;
  /** Wall time (ms) the worker posted, and the loop's wake source received it. */
  sentAt: number;
  receivedAt: number;
}

const wallNow = (): number => performance.timeOrigin + performance.now();

/**
 * Awaits a real worker thread, the way the threads package does: outside work registered,
 * a wake source that drains the port with receiveMessageOnPort (no 'message' listener, so
 * only the wake cell can resume the loop), and nothing else scheduled meanwhile.
 */
export function* awaitWorker(
  delayMs: number,
  outcome: 'deliver' | 'die' = 'deliver',
): Coroutine<Delivery> {
  const loop = getRunningLoop();
  const { port1, port2 } = new MessageChannel();
  const work = beginOutsideWork(loop, 'worker computing 42');
  const future = loop.createFuture<Delivery>();
  const remove = addWakeSource(loop, () => {
    const received = receiveMessageOnPort(port1);
    if (received === undefined) return;
    const message = received.message as { died?: true; value: number; sentAt: number };
    if (message.died) {
      work.abandon('the worker died');
      return;
    }
    // Delivered through callSoonThreadsafe, as a package would hand over a result.
    const receivedAt = wallNow();
    loop.callSoonThreadsafe(() => future.setResult({ ...message, receivedAt }));
    work.end();
  });
  startWakeWorker({ cell: wakeCellOf(loop), port: port2, delayMs, outcome, value: 42 });
  try {
    return yield* future;
  } finally {
    remove();
    port1.close();
  }
}
