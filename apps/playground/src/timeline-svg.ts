import type { TaskRow } from '@asyncio-ts/demo/task-timeline';
import { formatSeconds, tickStep } from '@asyncio-ts/demo/timeline-chart';

/** How to draw a timeline. */
export interface TimelineSvgOptions {
  /** Seconds the axis spans (default: the latest end). */
  readonly total?: number;
  /** Width of the bars' area in pixels (default 480). */
  readonly width?: number;
  /** Said after the time labels ("s", "virtual s"). */
  readonly unit?: string;
}

const ROW = 22;
const BAR = 14;
const AXIS = 24;
const CHAR = 7.2; // pixels per character of the 12px monospace labels
const PALETTE = ['#0ea5e9', '#d946ef', '#eab308', '#22c55e', '#6366f1', '#ef4444'];

const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A timeline chart as SVG text: a time axis, then one row per task with a bar from its start
 * to its end, as the demo draws it in a terminal. Pure: the same rows give the same SVG.
 */
export function renderTimelineSvg(
  rows: readonly TaskRow[],
  options: TimelineSvgOptions = {},
): string {
  if (rows.length === 0) return '';
  const width = options.width ?? 480;
  const unit = options.unit ?? 's';
  const latest = rows.reduce((max, row) => Math.max(max, row.end), 0);
  const total = Math.max(options.total ?? latest, latest);
  const labelWidth = Math.ceil(Math.max(...rows.map((row) => row.label.length)) * CHAR) + 12;
  const spanWidth = 110;
  const fullWidth = labelWidth + width + spanWidth;
  // No time passed: no axis to draw, only the rows.
  const axis = total > 0 ? AXIS : 0;
  const height = axis + rows.length * ROW + 4;
  const x = (t: number): number => labelWidth + (total > 0 ? (t / total) * width : 0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="${fullWidth}" height="${height}" viewBox="0 0 ${fullWidth} ${height}">`,
    `<title>timeline, one row per task (${escapeXml(unit)})</title>`,
  ];
  if (total > 0) {
    const step = tickStep(total, 40);
    for (let i = 0; i * step <= total + step * 1e-9; i++) {
      const at = x(i * step).toFixed(1);
      parts.push(
        `<line class="tick" x1="${at}" x2="${at}" y1="${axis - 6}" y2="${height}"/>`,
        `<text class="tick-label" x="${at}" y="${axis - 10}" text-anchor="middle">${formatSeconds(i * step)}s</text>`,
      );
    }
  }
  rows.forEach((row, index) => {
    const top = axis + index * ROW;
    const from = x(row.start);
    const to = Math.max(x(row.end), from + 2);
    const colour = PALETTE[index % PALETTE.length];
    const span = `${formatSeconds(row.start)}–${formatSeconds(row.end)} ${unit}`;
    parts.push(
      `<g class="row" data-task="${escapeXml(row.label)}">`,
      `<text class="label" x="0" y="${top + BAR - 2}">${escapeXml(row.label)}</text>`,
      `<rect x="${from.toFixed(1)}" y="${top + 2}" width="${(to - from).toFixed(1)}" height="${BAR}" rx="3" fill="${colour}"><title>${escapeXml(row.label)}: ${escapeXml(span)}</title></rect>`,
      `<text class="span" x="${labelWidth + width + 8}" y="${top + BAR - 2}">${escapeXml(span)}</text>`,
      '</g>',
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
