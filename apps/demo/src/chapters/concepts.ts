import { compare, type Timeline } from '@asyncio-ts/sync-baseline';
import type { Chapter } from '../chapter.js';
import { formatSeconds } from '../timeline-chart.js';

/**
 * The notebook's key concept 5, measured: `time.sleep(2)` blocks everything, `asyncio.sleep(2)`
 * lets the other coroutines run. compare() runs the same two jobs both ways.
 */
export const concepts: Chapter = {
  name: 'concepts',
  title: 'time.sleep against asyncio.sleep, side by side with compare()',
  expected: 6,
  async run({ print, clock, chart, measure }) {
    print('time.sleep(2) → blocks everything for 2 seconds.');
    print(
      'await asyncio.sleep(2) → pauses this coroutine but allows other coroutines to run during that time.',
    );
    const jobs = [
      { name: 'task1', seconds: 2 },
      { name: 'task2', seconds: 2 },
    ];
    const { blocking, concurrent, speedup } = compare(jobs, clock === undefined ? {} : { clock });
    measure('compare', { blocking: blocking.total, concurrent: concurrent.total, speedup });
    const rows = (timeline: Timeline) =>
      timeline.spans.map(({ name, start, end }) => ({ label: name, start, end }));
    const total = Math.max(blocking.total, concurrent.total);
    chart(
      `sleepSync(2) one after another: ${formatSeconds(blocking.total)} s`,
      rows(blocking),
      total,
    );
    chart(
      `gather of sleep(2): ${formatSeconds(concurrent.total)} s, ${speedup.toFixed(1)}× faster`,
      rows(concurrent),
      total,
    );
  },
};
