import { describe, expect, it } from 'vitest';
import { renderTimelineSvg } from '../src/timeline-svg.js';

describe('renderTimelineSvg', () => {
  it('draws one bar per task on a shared axis, with 1-2-5 ticks', () => {
    const svg = renderTimelineSvg(
      [
        { label: 'main', start: 0, end: 4 },
        { label: 'Task <1>', start: 1, end: 2 },
      ],
      { width: 400, unit: 'virtual s' },
    );
    expect(svg.match(/<g class="row"/g)).toHaveLength(2);
    expect(svg).toContain('data-task="Task &#60;1&#62;"'); // labels are escaped
    expect([...svg.matchAll(/class="tick-label"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([
      '0s',
      '1s',
      '2s',
      '3s',
      '4s',
    ]);
    expect(svg).toContain('1–2 virtual s');
    // main spans the whole axis (400 px); Task <1> a quarter of it, from 1 s.
    const widths = [...svg.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const [mainBar, taskBar] = widths;
    expect(mainBar?.[1]).toBe(400);
    expect(taskBar?.[1]).toBe(100);
    expect((taskBar?.[0] ?? 0) - (mainBar?.[0] ?? 0)).toBe(100);
  });

  it('draws nothing for no rows, and no axis when no time passed', () => {
    expect(renderTimelineSvg([])).toBe('');
    const svg = renderTimelineSvg([{ label: 'nested', start: 0, end: 0 }]);
    expect(svg).not.toContain('tick');
    expect(svg).toContain('height="26"');
  });
});
