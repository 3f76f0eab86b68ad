/// <reference lib="webworker" />
import { Kernel } from './kernel.js';
import type { FromKernel, ToKernel } from './protocol.js';

// The kernel lives in a Worker: there `Atomics.wait` may block (on a cross-origin-isolated
// page), so sleepSync() and blocking nested run() calls work, and the page stays responsive.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromKernel): void => scope.postMessage(message);
let kernel: Kernel | null = null;

scope.onmessage = (event: MessageEvent<ToKernel>) => {
  const message = event.data;
  if (message.type === 'start') {
    kernel = new Kernel({ virtual: message.virtual });
    kernel.finished.catch((error: unknown) => {
      // The kernel's loop died: let the page see it, as an uncaught error.
      setTimeout(() => {
        throw error;
      });
    });
    post({ type: 'ready', isolated: scope.crossOriginIsolated === true });
    return;
  }
  if (message.type === 'interrupt') {
    kernel?.interrupt();
    return;
  }
  const { id } = message;
  if (kernel === null) throw new Error('the kernel was asked to run a cell before it started');
  void kernel
    .run(message.cell, message.source, {
      print: (text, t) => post({ type: 'print', id, text, t }),
      taskStarted: (row) => post({ type: 'task', id, row, ended: false }),
      taskEnded: (row) => post({ type: 'task', id, row, ended: true }),
    })
    .then((result) => post({ type: 'done', id, result }));
};
