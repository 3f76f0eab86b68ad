import type { EventLoop, Instrument, Task } from '@asyncio-ts/core-loop';

/** One task's row of a timeline: from `start` to `end`, seconds since the recording began. */
export interface TaskRow {
  label: string;
  start: number;
  end: number;
}

/** Told as each recorded task starts and ends (e.g. to stream the timeline). */
export interface TaskTimelineHooks {
  started?(task: Task<unknown>, row: TaskRow): void;
  ended?(task: Task<unknown>, row: TaskRow): void;
}

/**
 * Records one row per task of `loop`, from the loop's instruments: a row opens when the task
 * is spawned and closes when it exits. Rows are pushed onto `rows` in spawn order; `since`
 * reads the time. Returns a function that stops the recording.
 */
export function recordTasks(
  loop: EventLoop,
  since: () => number,
  rows: TaskRow[],
  hooks: TaskTimelineHooks = {},
): () => void {
  const open = new Map<Task<unknown>, TaskRow>();
  const instrument: Instrument = {
    taskSpawned(task) {
      const t = since();
      const row = { label: task.getName(), start: t, end: t };
      open.set(task, row);
      rows.push(row);
      hooks.started?.(task, row);
    },
    taskExited(task) {
      const row = open.get(task);
      if (row === undefined) return;
      open.delete(task);
      row.end = since();
      hooks.ended?.(task, row);
    },
  };
  loop.addInstrument(instrument);
  return () => loop.removeInstrument(instrument);
}
