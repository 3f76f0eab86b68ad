import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { formatSeconds, renderTimeline } from '../src/timeline-chart.js';

const plain = pc.createColors(false);
const colored = pc.createColors(true);

const example1 = [
  { label: 'main', start: 0, end: 4 },
  { label: 'Task 1', start: 0, end: 3 },
  { label: 'Task 2', start: 0, end: 2 },
  { label: 'Task 3', start: 0, end: 4 },
  { label: 'Task 4', start: 0, end: 1 },
];

describe('renderTimeline', () => {
  it('draws an axis and one bar per task from its start to its end', () => {
    expect(renderTimeline(example1, { colors: plain, width: 20 })).toEqual([
      '        0s   1s   2s   3s   4s',
      '        +----+----+----+----+',
      'main    ####################  0–4 s',
      'Task 1  ###############       0–3 s',
      'Task 2  ##########            0–2 s',
      'Task 3  ####################  0–4 s',
      'Task 4  #####                 0–1 s',
    ]);
  });

  it('places bars that start late, as a blocking run does', () => {
    const rows = [
      { label: 'task1', start: 0, end: 2 },
      { label: 'task2', start: 2, end: 4 },
    ];
    expect(renderTimeline(rows, { colors: plain, width: 8 })).toEqual([
      '       0s  2s  4s',
      '       +---+---+',
      'task1  ####      0–2 s',
      'task2      ####  2–4 s',
    ]);
  });

  it('draws two charts on one scale when given a total', () => {
    const lines = renderTimeline([{ label: 'task1', start: 0, end: 2 }], {
      colors: plain,
      width: 8,
      total: 4,
    });
    expect(lines).toEqual(['       0s  2s  4s', '       +---+---+', 'task1  ####      0–2 s']);
  });

  it('picks 1-2-5 steps so the labels fit', () => {
    const [scale] = renderTimeline([{ label: 'long', start: 0, end: 3600 }], {
      colors: plain,
      width: 40,
    });
    expect(scale?.trim().split(/\s+/)).toEqual(['0s', '1000s', '2000s', '3000s']);
    const [small] = renderTimeline([{ label: 't', start: 0.01, end: 0.05 }], {
      colors: plain,
      width: 40,
    });
    expect(small?.trim().split(/\s+/)).toEqual(['0s', '0.01s', '0.02s', '0.03s', '0.04s', '0.05s']);
  });

  it('shows a task that took no time as one mark', () => {
    const lines = renderTimeline(
      [
        { label: 'a', start: 0, end: 1 },
        { label: 'b', start: 1, end: 1 },
      ],
      { colors: plain, width: 4 },
    );
    expect(lines[3]).toBe('b      # 1–1 s');
  });

  it('uses colours and box characters when colours are on, and none when off', () => {
    const fancy = renderTimeline(example1, { colors: colored, width: 20 }).join('\n');
    expect(fancy).toContain(pc.createColors(true).cyan('████████████████████'));
    expect(fancy).toContain('┼');
    const flat = renderTimeline(example1, { colors: plain, width: 20 }).join('\n');
    expect(flat).not.toContain(String.fromCharCode(27));
    expect([...flat].every((c) => c === '\n' || c === '–' || (c >= ' ' && c <= '~'))).toBe(true);
  });

  it('draws nothing for no rows, and says so when no time passed', () => {
    expect(renderTimeline([], { colors: plain })).toEqual([]);
    expect(renderTimeline([{ label: 'x', start: 0, end: 0 }], { colors: plain })).toEqual([
      'x  (no time passed)',
    ]);
  });
});

describe('formatSeconds', () => {
  it('prints seconds without trailing zeros, to the millisecond', () => {
    expect([2, 0.5, 1.25, 4.0004, 1 / 3].map(formatSeconds)).toEqual([
      '2',
      '0.5',
      '1.25',
      '4',
      '0.333',
    ]);
  });
});
