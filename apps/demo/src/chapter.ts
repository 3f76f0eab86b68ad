import type { Clock, Coroutine } from '@asyncio-ts/core-loop';
import type { ChapterName } from './arguments.js';
import type { ChartRow } from './timeline-chart.js';

/** What a chapter may use: the notebook's `print`, `asyncio.run`, and its clock. */
export interface ChapterContext {
  /** The chapter's clock (a VirtualClock under --virtual or --speed); undefined on real time. */
  readonly clock: Clock | undefined;
  /** The notebook's `print()`: one line, credited to the task that prints it. */
  print(text: string): void;
  /**
   * The notebook's `asyncio.run(main())`, on a Runner whose loop feeds the timeline chart;
   * `name` names the main task. Ctrl-C cancels the main task.
   */
  run<T>(main: Coroutine<T>, name: string): Promise<T>;
  /** Calls a blocking function (the notebook's `task1()`) and puts it on the timeline. */
  blocking(name: string, job: () => void): Promise<void>;
  /** Draws a timeline chart of the chapter's own (e.g. `compare()`'s timelines). */
  chart(title: string, rows: readonly ChartRow[], total: number): void;
  /** Reports a measurement (a JSON event; nothing in text mode). */
  measure(event: string, fields: Readonly<Record<string, number>>): void;
}

/** One chapter of the notebook: a cell (or a few), replayed. */
export interface Chapter {
  readonly name: ChapterName;
  /** One line saying what the chapter shows. */
  readonly title: string;
  /** How long the chapter should take, in seconds, as the notebook says. */
  readonly expected: number;
  /** Replays the cells: prints the notebook's lines, in the notebook's order. */
  run(context: ChapterContext): Promise<void>;
}
