import {
  CancelledError,
  type Clock,
  type Coroutine,
  currentTask,
  Runner,
  type Task,
} from '@asyncio-ts/core-loop';
import { perfCounter } from '@asyncio-ts/sync-baseline';
import { VirtualClock } from '@asyncio-ts/timers';
import type { ClockMode } from './arguments.js';
import type { Chapter, ChapterContext } from './chapter.js';
import type { Interrupt } from './interrupt.js';
import type { Reporter } from './reporter.js';
import { recordTasks, type TaskRow } from './task-timeline.js';
import type { ChartRow } from './timeline-chart.js';

/** What every chapter of one demo run shares. */
export interface ChapterSettings {
  readonly mode: ClockMode;
  readonly reporter: Reporter;
  readonly interrupt: Interrupt;
}

/** A fresh clock for each chapter, so each one starts at 0 on the virtual clock. */
function makeClock(mode: ClockMode): Clock | undefined {
  switch (mode.kind) {
    case 'real':
      return undefined;
    case 'virtual':
      return new VirtualClock();
    case 'speed':
      return new VirtualClock({ rate: mode.rate });
  }
}

/**
 * Runs one chapter: its lines, then the elapsed and the expected time, then its timeline
 * (one row per task, from the loop's instruments). Ctrl-C ends it with CancelledError.
 */
export async function runChapter(chapter: Chapter, settings: ChapterSettings): Promise<void> {
  const { mode, reporter, interrupt } = settings;
  const clock = makeClock(mode);
  const now = clock === undefined ? perfCounter : () => clock.now();
  const origin = now();
  const since = (): number => now() - origin;
  const rows: TaskRow[] = [];
  const charts: { title: string; rows: readonly ChartRow[]; total: number }[] = [];
  // Who is printing: a blocking job by its name, the current task while a loop runs.
  let printer: () => string | null = () => null;
  const currentTaskName = (): string | null => currentTask()?.getName() ?? null;

  async function run<T>(main: Coroutine<T>, name: string): Promise<T> {
    await interrupt.checkpoint();
    const runner = new Runner(clock === undefined ? {} : { clock });
    const loop = runner.getLoop();
    let mainTask: Task<unknown> | null = null;
    const stopRecording = recordTasks(loop, since, rows, {
      started(task, row) {
        mainTask ??= task;
        reporter.taskStart(row.label, row.start);
      },
      ended(task, row) {
        reporter.taskEnd(row.label, row.end, task.cancelled() ? 'cancelled' : 'finished');
      },
    });
    // Host mode, so that Ctrl-C is seen while the loop waits: it cancels the main task.
    interrupt.onInterrupt(() => loop.callSoonThreadsafe(() => mainTask?.cancel()));
    printer = currentTaskName;
    try {
      return await runner.runAsync(main, { name });
    } finally {
      printer = () => null;
      interrupt.onInterrupt(null);
      stopRecording();
      await runner.closeAsync();
    }
  }

  const context: ChapterContext = {
    clock,
    print(text) {
      reporter.print(printer(), text, since());
    },
    run,
    async blocking(name, job) {
      await interrupt.checkpoint();
      const row = { label: name, start: since(), end: 0 };
      reporter.taskStart(name, row.start);
      printer = () => name;
      try {
        job();
      } finally {
        printer = () => null;
      }
      row.end = since();
      rows.push(row);
      reporter.taskEnd(name, row.end, 'finished');
      await interrupt.checkpoint();
    },
    chart(title, chartRows, total) {
      charts.push({ title, rows: chartRows, total });
    },
    measure(event, fields) {
      reporter.measure(event, since(), fields);
    },
  };

  reporter.chapterStart(chapter.name, chapter.title, chapter.expected);
  try {
    await chapter.run(context);
    await interrupt.checkpoint();
  } catch (error) {
    if (error instanceof CancelledError && interrupt.requested) reporter.interrupted(since());
    throw error;
  }
  reporter.chapterEnd(since(), chapter.expected);
  const unit = mode.kind === 'real' ? 'seconds' : 'virtual seconds';
  if (rows.length > 0) reporter.chart(`timeline, one row per task (${unit})`, rows);
  for (const each of charts) reporter.chart(each.title, each.rows, each.total);
}
