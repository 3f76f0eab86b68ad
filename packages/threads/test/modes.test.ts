import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EventLoop, getRunningLoop, Runner, run, runAsync } from '@asyncio-ts/core-loop';
import { ThreadPoolExecutor, toThread } from '@asyncio-ts/threads';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { work } from './support.js';

describe('a loop waiting only for a worker', () => {
  it('run() blocks until the result arrives instead of reporting a deadlock', () => {
    const [value, waited] = run(function* () {
      const loop = getRunningLoop();
      const started = loop.time();
      const value = yield* toThread<string>(work, 'later', 0.2, 'arrived');
      return [value, loop.time() - started] as const;
    });
    expect(value).toBe('arrived');
    expect(waited).toBeGreaterThanOrEqual(0.19);
  });

  it('a VirtualClock does not jump over a timer while a worker is busy', async () => {
    for (const runner of [run, runAsync] as const) {
      const order = await runner(
        function* () {
          const loop = getRunningLoop();
          const events: string[] = [];
          const timer = loop.createTask(
            (function* () {
              yield* sleep(3600);
              events.push('an hour later');
            })(),
          );
          events.push(yield* toThread<string>(work, 'later', 0.05, 'worker done'));
          yield* timer;
          return events;
        },
        { clock: new VirtualClock() },
      );
      expect(order).toEqual(['worker done', 'an hour later']);
    }
  });
});

describe('the end of a run', () => {
  it('run() and runAsync() shut the loop default executor down', async () => {
    const blocking = new ThreadPoolExecutor({ maxWorkers: 1 });
    const host = new ThreadPoolExecutor({ maxWorkers: 1 });
    run(function* () {
      getRunningLoop().setDefaultExecutor(blocking);
      yield* toThread(work, 'add', 1, 2);
    });
    await runAsync(function* () {
      getRunningLoop().setDefaultExecutor(host);
      yield* toThread(work, 'add', 1, 2);
    });
    expect([blocking.isShutdown(), host.isShutdown()]).toEqual([true, true]);
  });

  it('loop.close() shuts the default executor down without waiting; a Runner keeps it across runs', () => {
    const loop = new EventLoop();
    const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
    loop.setDefaultExecutor(pool);
    expect(loop.runUntilComplete(loop.runInExecutor<number>(null, work, 'add', 1, 2))).toBe(3);
    loop.close();
    expect(pool.isShutdown()).toBe(true);

    const runner = new Runner();
    const shared = new ThreadPoolExecutor({ maxWorkers: 1 });
    runner.getLoop().setDefaultExecutor(shared);
    const first = runner.run(toThread<number>(work, 'whoAmI'));
    const second = runner.run(toThread<number>(work, 'whoAmI'));
    expect(shared.isShutdown()).toBe(false);
    runner.close();
    expect(first).toBe(second);
    expect(shared.isShutdown()).toBe(true);
  });

  it('run after run, each shutting its default executor down, never waits forever', () => {
    // Regression: a worker that ended before the loop said it was waiting left the run's
    // shutdown waiting for a wake-up that never came.
    const results: number[] = [];
    for (let i = 0; i < 12; i++) {
      results.push(
        run(function* () {
          return yield* toThread<number>(work, 'add', i, 1);
        }),
      );
    }
    expect(results).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('no worker keeps the process alive after the run returns', () => {
    const program = `
      import { run, runAsync } from '@asyncio-ts/core-loop';
      import { ThreadPoolExecutor, toThread } from '@asyncio-ts/threads';
      const work = ${JSON.stringify(work.href)};
      // Never shut down: its idle workers must not hold the process.
      const forgotten = new ThreadPoolExecutor({ maxWorkers: 2 });
      const a = run(function* () {
        yield* forgotten.submit(work, 'add', 1, 1);
        return yield* toThread(work, 'add', 2, 2);
      });
      const b = await runAsync(function* () { return yield* toThread(work, 'add', 3, 3); });
      console.log(a, b);
    `;
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
      cwd: packageDir,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('4 6');
    expect(child.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
