/**
 * A real `worker_threads` worker for the wake-path tests: after `delayMs` it posts
 * `{ value, sentAt }` on its port (or, with `outcome: 'die'`, `{ died: true }`) and wakes the
 * loop with core-loop's own `notifyWakeCell`, bundled from the source for the worker.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MessagePort, Worker } from 'node:worker_threads';

let script: string | null = null;

function workerScript(): string {
  if (script !== null) return script;
  const requireHere = createRequire(import.meta.url);
  const esbuild = createRequire(requireHere.resolve('tsup'))('esbuild') as {
    buildSync(options: Record<string, unknown>): void;
  };
  const dir = mkdtempSync(join(tmpdir(), 'asyncio-ts-wake-'));
  const bundle = join(dir, 'internal.mjs');
  esbuild.buildSync({
    entryPoints: [new URL('../src/internal.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: bundle,
  });
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
