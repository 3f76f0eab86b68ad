import type { Colors } from 'picocolors/types';
import type { ClockMode } from './arguments.js';
import { type ChartRow, formatSeconds, renderTimeline } from './timeline-chart.js';

/** Where the demo's output goes: lines for people (text) or events for programs (JSON). */
export interface Reporter {
  chapterStart(chapter: string, title: string, expected: number): void;
  taskStart(task: string, t: number): void;
  print(task: string | null, text: string, t: number): void;
  taskEnd(task: string, t: number, outcome: TaskOutcome): void;
  measure(event: string, t: number, fields: Readonly<Record<string, number>>): void;
  chart(title: string, rows: readonly ChartRow[], total?: number): void;
  chapterEnd(elapsed: number, expected: number): void;
  interrupted(t: number): void;
}

/** How a task ended: asyncio's FINISHED (a result or an exception) or CANCELLED. */
export type TaskOutcome = 'finished' | 'cancelled';

/** A place to write to (process.stdout, or a buffer in tests). */
export interface Output {
  write(text: string): unknown;
}

function describeClock(mode: ClockMode): string {
  switch (mode.kind) {
    case 'real':
      return '';
    case 'virtual':
      return ' of virtual time';
    case 'speed':
      return ` on a clock running ${mode.rate}× real time`;
  }
}

/** Lines for a terminal: the notebook's lines, elapsed time, timeline charts. */
export class TextReporter implements Reporter {
  constructor(
    private readonly out: Output,
    private readonly err: Output,
    private readonly colors: Colors,
    private readonly mode: ClockMode,
  ) {}

  private line(text: string): void {
    this.out.write(`${text}\n`);
  }

  chapterStart(chapter: string, title: string): void {
    this.line(this.colors.bold(`== ${chapter}: ${title}`));
  }

  taskStart(): void {}

  print(_task: string | null, text: string): void {
    this.line(text);
  }

  taskEnd(): void {}

  measure(): void {}

  chart(title: string, rows: readonly ChartRow[], total?: number): void {
    const lines = renderTimeline(
      rows,
      total === undefined ? { colors: this.colors } : { colors: this.colors, total },
    );
    if (lines.length === 0) return;
    this.line(this.colors.dim(title));
    for (const line of lines) this.line(line);
  }

  chapterEnd(elapsed: number, expected: number): void {
    const shown = this.mode.kind === 'virtual' ? formatSeconds(elapsed) : elapsed.toFixed(3);
    this.line(
      this.colors.dim(`elapsed ${shown} s${describeClock(this.mode)} (expected ${expected} s)`),
    );
  }

  interrupted(): void {
    // The terminal echoed ^C on the current line: end that line, reset any colour, say why.
    this.out.write(this.colors.isColorSupported ? '\x1b[0m\n' : '\n');
    this.err.write("Interrupted (Ctrl-C): the chapter's tasks were cancelled.\n");
  }
}

/** One JSON object per line: `{ chapter, task, event, t, ... }`, t in seconds from the chapter's start. */
export class JsonReporter implements Reporter {
  private chapter = '';

  constructor(private readonly out: Output) {}

  private emit(task: string | null, event: string, t: number, fields: object = {}): void {
    const rounded = Math.round(t * 1e6) / 1e6;
    this.out.write(
      `${JSON.stringify({ chapter: this.chapter, task, event, t: rounded, ...fields })}\n`,
    );
  }

  chapterStart(chapter: string, title: string, expected: number): void {
    this.chapter = chapter;
    this.emit(null, 'chapter-start', 0, { title, expected });
  }

  taskStart(task: string, t: number): void {
    this.emit(task, 'task-start', t);
  }

  print(task: string | null, text: string, t: number): void {
    this.emit(task, 'print', t, { text });
  }

  taskEnd(task: string, t: number, outcome: TaskOutcome): void {
    this.emit(task, 'task-end', t, { outcome });
  }

  measure(event: string, t: number, fields: Readonly<Record<string, number>>): void {
    this.emit(null, event, t, fields);
  }

  chart(): void {}

  chapterEnd(elapsed: number, expected: number): void {
    this.emit(null, 'chapter-end', elapsed, { elapsed, expected });
  }

  interrupted(t: number): void {
    this.emit(null, 'interrupted', t);
  }
}
