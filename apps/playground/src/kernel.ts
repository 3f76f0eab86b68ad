import {
  CancelledError,
  type Clock,
  type Coroutine,
  type EventLoop,
  type Future,
  getRunningLoop,
  runAsync,
  type Task,
} from '@asyncio-ts/core-loop';
import { recordTasks, type TaskRow } from '@asyncio-ts/demo/task-timeline';
import { VirtualClock } from '@asyncio-ts/timers';
import { compileCell } from './compile-cell.js';
import { kernelModules } from './kernel-modules.js';
import { formatError, formatPrint } from './print-format.js';

/** What a running cell reports as it goes; times are seconds since the cell started. */
export interface CellListener {
  print?(text: string, t: number): void;
  taskStarted?(row: TaskRow): void;
  taskEnded?(row: TaskRow): void;
}

/** How a cell ended. */
export interface CellResult {
  /** Its printed lines; an error it raised is the last one, as `Name: message`. */
  readonly lines: string[];
  /** The error it raised, as `Name: message`; null when it finished. */
  readonly error: string | null;
  /** Seconds on the kernel's clock from its start to its end. */
  readonly elapsed: number;
  /** One row per task, from the loop's instruments; the first is the cell itself. */
  readonly rows: TaskRow[];
}

interface Job {
  readonly cell: string;
  readonly source: string;
  readonly listener: CellListener;
  readonly resolve: (result: CellResult) => void;
}

/** Options of `new Kernel()`. */
export interface KernelOptions {
  /** Run on a VirtualClock: sleeps are instant, the output the same. */
  readonly virtual?: boolean;
}

/**
 * A Jupyter kernel for asyncio-ts: an event loop that is already running (`runAsync`), and
 * cells run one after the other, each as a task of that loop. So `run()` in a cell fails as
 * asyncio.run() does in Jupyter, until nest-patch's `apply()`.
 */
export class Kernel {
  /** The kernel's clock: a VirtualClock, or undefined for real time. */
  readonly clock: Clock | undefined;
  /** Settles when the kernel's loop ends (it runs until the page or worker goes). */
  readonly finished: Promise<void>;
  private readonly queue: Job[] = [];
  private readonly require: (name: string) => unknown;
  private loop: EventLoop | null = null;
  /** The running cell's task, and whether the user interrupted it. */
  private current: Task<unknown> | null = null;
  private interrupted = false;
  private wakeup: Future<void> | null = null;

  constructor(options: KernelOptions = {}) {
    this.clock = options.virtual === true ? new VirtualClock() : undefined;
    this.require = kernelModules(this.clock);
    this.finished = runAsync(
      () => this.main(),
      this.clock === undefined ? {} : { clock: this.clock },
    );
  }

  /** Queues a cell: `source` runs after the cells queued before it; resolves when it ends. */
  run(cell: string, source: string, listener: CellListener = {}): Promise<CellResult> {
    return new Promise((resolve) => {
      this.queue.push({ cell, source, listener, resolve });
      const { loop } = this;
      if (loop !== null) {
        loop.callSoonThreadsafe(() => {
          if (this.wakeup !== null && !this.wakeup.done()) this.wakeup.setResult();
        });
      }
    });
  }

  /**
   * Jupyter's "interrupt the kernel": cancels the running cell's task (a cell blocked in
   * sleepSync() sees it once it returns). Nothing happens when no cell runs.
   */
  interrupt(): void {
    const { loop } = this;
    loop?.callSoonThreadsafe(() => {
      if (this.current === null || this.current.done()) return;
      this.interrupted = true;
      this.current.cancel('interrupted');
    });
  }

  private *main(): Coroutine<void> {
    const loop = getRunningLoop();
    this.loop = loop;
    for (;;) {
      const job = this.queue.shift();
      if (job === undefined) {
        this.wakeup = loop.createFuture<void>();
        yield* this.wakeup;
        continue;
      }
      job.resolve(yield* this.execute(loop, job));
    }
  }

  private *execute(loop: EventLoop, job: Job): Coroutine<CellResult> {
    const { listener } = job;
    const origin = loop.time();
    const since = (): number => loop.time() - origin;
    const lines: string[] = [];
    const emit = (text: string): void => {
      lines.push(text);
      listener.print?.(text, since());
    };
    const rows: TaskRow[] = [];
    const ended = new Set<TaskRow>();
    const stopRecording = recordTasks(loop, since, rows, {
      started: (_task, row) => listener.taskStarted?.(row),
      ended: (_task, row) => {
        ended.add(row);
        listener.taskEnded?.(row);
      },
    });
    let error: string | null = null;
    try {
      const cell = compileCell(job.source);
      const print = (...values: unknown[]): void => emit(formatPrint(values));
      const task = loop.createTask(cell({ require: this.require, print }), { name: job.cell });
      this.current = task;
      yield* task;
    } catch (raised) {
      // Interrupted, the cell ends as a Jupyter cell does: with KeyboardInterrupt.
      error =
        raised instanceof CancelledError && this.interrupted
          ? 'KeyboardInterrupt'
          : formatError(raised);
      emit(error);
    } finally {
      this.current = null;
      this.interrupted = false;
      stopRecording();
    }
    const elapsed = since();
    // A task the cell left running in the background reaches the end of the chart.
    for (const row of rows) if (!ended.has(row)) row.end = elapsed;
    return { lines, error, elapsed, rows };
  }
}
