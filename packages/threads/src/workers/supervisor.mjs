// The supervisor thread of a ThreadPoolExecutor: it starts the pool's worker threads and
// reports each one's end (exit code, uncaught error, out of memory) on the report port and
// through the waiting loop's wake cell. A loop blocked in run() cannot see a Worker's 'exit'
// event (that is delivered on the parent's event loop); this thread's own loop runs freely.
// Plain JavaScript (not built): the pool starts it as it is, from src/ or dist/.
import { parentPort, Worker, workerData } from 'node:worker_threads';

const workerScript = new URL('./worker.mjs', import.meta.url);
const report = workerData.report;
// The pool waits for this: a loop blocked in run() cannot see this thread fail to start.
Atomics.store(workerData.ready, 0, 1);
/** slot id -> { worker, error, cell } */
const slots = new Map();
let notifyWakeCell = null;

async function wake(cell) {
  if (cell === undefined) return;
  if (notifyWakeCell === null) {
    notifyWakeCell = (await import('@asyncio-ts/core-loop/internal')).notifyWakeCell;
  }
  notifyWakeCell(cell);
}

function describe(error) {
  if (error === undefined) return undefined;
  return {
    name: error.constructor?.name || error.name || 'Error',
    message: String(error.message),
    stack: error.stack,
    code: error.code,
  };
}

function spawn(message) {
  const options = {
    workerData: { port: message.port, skip: message.skip },
    transferList: [message.port],
    execArgv: workerData.execArgv,
  };
  if (message.resourceLimits !== undefined) options.resourceLimits = message.resourceLimits;
  if (message.name !== undefined) options.name = message.name;
  const slot = { worker: null, error: undefined, cell: message.cell };
  slots.set(message.slot, slot);
  try {
    slot.worker = new Worker(workerScript, options);
  } catch (error) {
    slots.delete(message.slot);
    report.postMessage({ slot: message.slot, code: -1, error: describe(error) });
    wake(message.cell);
    return;
  }
  slot.worker.on('error', (error) => {
    slot.error = error;
  });
  slot.worker.on('exit', (code) => {
    slots.delete(message.slot);
    report.postMessage({ slot: message.slot, code, error: describe(slot.error) });
    wake(slot.cell);
  });
}

parentPort.on('message', (message) => {
  if (message.type === 'spawn') {
    spawn(message);
    return;
  }
  // 'cell' (a loop now waits on this worker) or 'stop'.
  const slot = slots.get(message.slot);
  if (slot === undefined) {
    // The worker has ended already and its report is on the way or waiting: make sure the
    // loop that now waits drains it (the report may have woken another loop, or none).
    wake(message.cell);
    return;
  }
  if (message.cell !== undefined) slot.cell = message.cell;
  if (message.type === 'stop') slot.worker.terminate();
});
