import type { Colors } from 'picocolors/types';

/** One row of a timeline chart: a task (or a blocking job) from `start` to `end`, in seconds. */
export interface ChartRow {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** How to draw a chart. */
export interface ChartOptions {
  /** picocolors' functions; `createColors(false)` draws plain ASCII text. */
  readonly colors: Colors;
  /** Columns of the time axis (default 40). */
  readonly width?: number;
  /** Seconds the axis spans (default: the latest end), so two charts can share one scale. */
  readonly total?: number;
}

const NICE_STEPS = [1, 2, 5];

/** The smallest 1-2-5 step whose tick labels fit between the ticks (`width` columns of text), with room to spare. */
export function tickStep(total: number, width: number): number {
  for (let magnitude = 10 ** Math.floor(Math.log10(total / width)); ; magnitude *= 10) {
    for (const nice of NICE_STEPS) {
      const step = nice * magnitude;
      const label = `${formatSeconds(Math.floor(total / step) * step)}s`.length;
      const longest = Math.max(label, `${formatSeconds(step)}s`.length);
      if ((step / total) * width >= longest + 2) return step;
    }
  }
}

/** Seconds as short text: 2, 0.5, 1.25. */
export function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(3)));
}

function column(t: number, total: number, width: number): number {
  return Math.min(width, Math.max(0, Math.round((t / total) * width)));
}

/**
 * Draws a timeline chart as lines of text: a time axis, then one row per task with a bar from
 * its start to its end. Pure: the same rows give the same lines.
 */
export function renderTimeline(rows: readonly ChartRow[], options: ChartOptions): string[] {
  const { colors } = options;
  const width = options.width ?? 40;
  const latest = rows.reduce((max, row) => Math.max(max, row.end), 0);
  const total = Math.max(options.total ?? latest, latest);
  if (rows.length === 0) return [];
  if (!(total > 0)) {
    return rows.map((row) => `${row.label}  ${colors.dim('(no time passed)')}`);
  }
  const fancy = colors.isColorSupported;
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const indent = ' '.repeat(labelWidth + 2);
  const step = tickStep(total, width);

  const ticks: number[] = [];
  for (let i = 0; i * step <= total + step * 1e-9; i++) ticks.push(i * step);
  let scale = '';
  const rule: string[] = Array.from({ length: width + 1 }, () => (fancy ? '─' : '-'));
  for (const tick of ticks) {
    const at = column(tick, total, width);
    rule[at] = fancy ? '┼' : '+';
    const text = `${formatSeconds(tick)}s`;
    if (at >= scale.length + (scale.length > 0 ? 1 : 0)) {
      scale = scale.padEnd(at) + text;
    }
  }
  const palette = [
    colors.cyan,
    colors.magenta,
    colors.yellow,
    colors.green,
    colors.blue,
    colors.red,
  ];
  const lines = [colors.dim(indent + scale), colors.dim(indent + rule.join(''))];
  rows.forEach((row, index) => {
    const from = column(row.start, total, width);
    const to = Math.max(column(row.end, total, width), from + 1);
    const bar = (fancy ? '█' : '#').repeat(to - from);
    const paint = palette[index % palette.length] ?? colors.cyan;
    const span = `${formatSeconds(row.start)}–${formatSeconds(row.end)} s`;
    lines.push(
      `${row.label.padEnd(labelWidth)}  ${' '.repeat(from)}${paint(bar)}${' '.repeat(width + 1 - to)} ${colors.dim(span)}`,
    );
  });
  return lines;
}
