import { RuntimeError, run } from '@asyncio-ts/core-loop';
import { compare, runSequential, sleepSync } from '@asyncio-ts/sync-baseline';
import { VirtualClock } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

const notebookJobs = [
  { name: 'task1', seconds: 2 },
  { name: 'task2', seconds: 2 },
];
const example1Jobs = [
  { name: 'Task 1', seconds: 3 },
  { name: 'Task 2', seconds: 2 },
  { name: 'Task 3', seconds: 4 },
  { name: 'Task 4', seconds: 1 },
];

describe('runSequential', () => {
  it('runs jobs one after another, recording each start and end', () => {
    const clock = new VirtualClock({ start: 100 });
    expect(runSequential(notebookJobs, { clock })).toEqual({
      spans: [
        { name: 'task1', start: 0, end: 2 },
        { name: 'task2', start: 2, end: 4 },
      ],
      total: 4,
    });
    expect(clock.now()).toBe(104);
  });

  it('calls { name, run } jobs in order, as the notebook calls task1() then task2()', () => {
    const clock = new VirtualClock();
    const trace: string[] = [];
    const job = (name: string) => () => {
      trace.push(`Start ${name}`);
      sleepSync(2, { clock });
      trace.push(`End ${name}`);
    };
    const timeline = runSequential(
      [
        { name: 'task1', run: job('task1') },
        { name: 'task2', run: job('task2') },
      ],
      { clock },
    );
    expect(trace).toEqual(['Start task1', 'End task1', 'Start task2', 'End task2']);
    expect(timeline.total).toBe(4);
    expect(timeline.spans.map((span) => [span.start, span.end])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('checks every job before running any', () => {
    const clock = new VirtualClock();
    expect(() =>
      runSequential(
        [
          { name: 'ok', seconds: 1 },
          { name: 'bad', seconds: -1 },
        ],
        { clock },
      ),
    ).toThrow(new RangeError('sleep length must be non-negative'));
    expect(clock.now()).toBe(0);
    expect(() => runSequential([{ name: 'x', seconds: Number.NaN }])).toThrow(
      new TypeError('job x seconds must be a number of seconds, got NaN'),
    );
    expect(() => runSequential([null as never])).toThrow(TypeError);
  });

  it('returns an empty timeline for no jobs', () => {
    expect(runSequential([], { clock: new VirtualClock() })).toEqual({ spans: [], total: 0 });
  });
});

describe('compare on the virtual clock', () => {
  it("gives the notebook's totals: 4 s blocking, 2 s gathered", () => {
    const { blocking, concurrent, speedup } = compare(notebookJobs, {
      clock: new VirtualClock(),
    });
    expect(blocking).toEqual({
      spans: [
        { name: 'task1', start: 0, end: 2 },
        { name: 'task2', start: 2, end: 4 },
      ],
      total: 4,
    });
    expect(concurrent).toEqual({
      spans: [
        { name: 'task1', start: 0, end: 2 },
        { name: 'task2', start: 0, end: 2 },
      ],
      total: 2,
    });
    expect(speedup).toBe(2);
  });

  it("gives Example-1's totals: 10 s blocking, 4 s gathered", () => {
    const result = compare(example1Jobs, { clock: new VirtualClock() });
    expect(result.blocking.total).toBe(10);
    expect(result.concurrent.total).toBe(4);
    expect(result.speedup).toBe(2.5);
    expect(result.blocking.spans.map((span) => span.end)).toEqual([3, 5, 9, 10]);
    expect(result.concurrent.spans.map((span) => [span.name, span.end])).toEqual([
      ['Task 1', 3],
      ['Task 2', 2],
      ['Task 3', 4],
      ['Task 4', 1],
    ]);
  });

  it('takes no real time on a virtual clock', () => {
    const started = performance.now();
    compare([{ name: 'day', seconds: 86400 }], { clock: new VirtualClock() });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports a speed-up of 1 when there is nothing to wait for', () => {
    const result = compare([], { clock: new VirtualClock() });
    expect(result).toEqual({
      blocking: { spans: [], total: 0 },
      concurrent: { spans: [], total: 0 },
      speedup: 1,
    });
  });

  it('refuses bad jobs before running anything', () => {
    expect(() => compare([{ name: 'x', seconds: -2 }], { clock: new VirtualClock() })).toThrow(
      RangeError,
    );
    expect(() =>
      compare([{ name: 'x', seconds: '2' as unknown as number }], { clock: new VirtualClock() }),
    ).toThrow(TypeError);
  });

  it('cannot be called from a running loop, like run()', () => {
    const clock = new VirtualClock();
    expect(() =>
      run(
        function* () {
          compare(notebookJobs, { clock });
        },
        { clock },
      ),
    ).toThrow(new RuntimeError('run() cannot be called from a running event loop'));
  });
});

describe('compare on the real clock', () => {
  it('blocks for the sum and gathers in less than the sum, within generous bounds', () => {
    const jobs = [
      { name: 'a', seconds: 0.3 },
      { name: 'b', seconds: 0.3 },
    ];
    const { blocking, concurrent, speedup } = compare(jobs);
    expect(blocking.total).toBeGreaterThanOrEqual(0.6);
    expect(blocking.total).toBeLessThan(1.5);
    expect(blocking.spans[1]?.start).toBeGreaterThanOrEqual(0.3);
    expect(concurrent.total).toBeGreaterThanOrEqual(0.3);
    expect(concurrent.total).toBeLessThan(0.6);
    expect(concurrent.spans[1]?.start).toBeLessThan(0.3);
    expect(speedup).toBeGreaterThan(1);
  });
});

describe('sleepSync inside a coroutine', () => {
  it("is reported as a slow step by core-loop's debug mode", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const clock = new VirtualClock();
    run(
      function* () {
        sleepSync(0.5, { clock }); // blocks the loop: the mistake debug mode is there to catch
      },
      { clock, debug: true },
    );
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^Executing .*Task.* took 0\.500 seconds$/);
  });

  it('is not reported when the step is quick', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const clock = new VirtualClock();
    run(
      function* () {
        sleepSync(0.05, { clock });
      },
      { clock, debug: true },
    );
    expect(warn).not.toHaveBeenCalled();
  });
});
