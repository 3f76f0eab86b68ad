import type { TaskRow } from '@asyncio-ts/demo/task-timeline';
import type { CellResult } from './kernel.js';
import type { FromKernel, ToKernel } from './protocol.js';

/** What the page hears while a cell runs. */
export interface RunHandlers {
  print?(text: string, t: number): void;
  task?(row: TaskRow, ended: boolean): void;
}

interface Pending {
  readonly handlers: RunHandlers;
  readonly resolve: (result: CellResult) => void;
  readonly reject: (error: Error) => void;
}

/** A run that ended because the kernel was restarted under it. */
export class KernelRestarted extends Error {
  override name = 'KernelRestarted';
}

/**
 * The page's side of the kernel: a Web Worker running `Kernel`. Restarting the kernel ends
 * the worker (and with it every module's state: nest-patch's apply() too) and starts anew.
 */
export class KernelClient {
  /** True when the worker reported a cross-origin-isolated context (it may block). */
  isolated = false;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private virtual: boolean,
    private readonly onError: (error: Error) => void,
  ) {
    this.spawn();
  }

  /** Whether the kernel runs on virtual time. */
  get isVirtual(): boolean {
    return this.virtual;
  }

  /** Ends the kernel and starts a fresh one (on virtual time or not); pending runs fail. */
  restart(virtual = this.virtual): void {
    this.worker?.terminate();
    for (const { reject } of this.pending.values()) {
      reject(new KernelRestarted('the kernel was restarted while the cell ran'));
    }
    this.pending.clear();
    this.virtual = virtual;
    this.spawn();
  }

  /** Cancels the running cell (it ends with KeyboardInterrupt); the kernel goes on. */
  interrupt(): void {
    this.send({ type: 'interrupt' });
  }

  /** Runs `source` as cell `cell`; resolves with its result once it ends. */
  run(cell: string, source: string, handlers: RunHandlers = {}): Promise<CellResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { handlers, resolve, reject });
      this.send({ type: 'run', id, cell, source });
    });
  }

  private send(message: ToKernel): void {
    this.worker?.postMessage(message);
  }

  private spawn(): void {
    const worker = new Worker(new URL('./kernel.worker.ts', import.meta.url), {
      type: 'module',
      name: 'asyncio-ts kernel',
    });
    worker.onmessage = (event: MessageEvent<FromKernel>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.onError(new Error(`the kernel failed: ${event.message}`));
    };
    this.worker = worker;
    this.send({ type: 'start', virtual: this.virtual });
  }

  private receive(message: FromKernel): void {
    if (message.type === 'ready') {
      this.isolated = message.isolated;
      return;
    }
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    switch (message.type) {
      case 'print':
        pending.handlers.print?.(message.text, message.t);
        return;
      case 'task':
        pending.handlers.task?.(message.row, message.ended);
        return;
      case 'done':
        this.pending.delete(message.id);
        pending.resolve(message.result);
        return;
    }
  }
}
