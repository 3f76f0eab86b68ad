import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CancelledError,
  type Coroutine,
  type EventLoop,
  getEventLoop,
  getRunningLoop,
  RuntimeError,
  run,
  type Task,
} from '../src/index.js';
import { registry } from '../src/registry.js';
import { JumpClock, jumpLoop, sleep, thrown } from './support.js';

afterEach(() => {
  expect(registry.running).toBe(null);
  vi.unstubAllEnvs();
});

describe('run()', () => {
  it('runs main on a new loop and returns its result', () => {
    const clock = new JumpClock();
    let loop: EventLoop | null = null;
    const result = run(
      function* () {
        loop = getRunningLoop();
        yield* sleep(2.5);
        return `slept until ${clock.now()}`;
      },
      { clock },
    );
    expect(result).toBe('slept until 2.5');
    expect((loop as unknown as EventLoop).isClosed()).toBe(true);
  });

  it('accepts a coroutine object as well as a function making one', () => {
    expect(
      run(
        (function* () {
          yield;
          return 1;
        })(),
      ),
    ).toBe(1);
    expect(
      run(function* () {
        return 2;
      }),
    ).toBe(2);
  });

  it('makes a fresh loop each time, current while it runs and unset after', () => {
    const loops: EventLoop[] = [];
    for (let i = 0; i < 2; i++) {
      run(function* () {
        loops.push(getRunningLoop());
        expect(getEventLoop()).toBe(getRunningLoop());
        expect(registry.current).toBe(getRunningLoop());
      });
    }
    expect(loops[0]).not.toBe(loops[1]);
    expect(registry.current).toBe(null);
  });

  it("refuses a Task with asyncio's ValueError (RangeError), without running it", () => {
    const { loop } = jumpLoop();
    function* body(): Generator<undefined, number> {
      yield;
      return 1;
    }
    const task = loop.createTask(body(), { name: 'main' });
    const error = thrown(() => run(task as never));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe("a coroutine was expected, got <Task pending name='main'>");
    expect(loop.runUntilComplete(task)).toBe(1);
    loop.close();
  });

  it('throws the exception main ends with, after closing the loop', () => {
    let loop: EventLoop | null = null;
    const error = thrown(() =>
      run(function* (): Coroutine<void> {
        loop = getRunningLoop();
        yield;
        throw new RangeError('main failed');
      }),
    );
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe('main failed');
    expect((loop as unknown as EventLoop).isClosed()).toBe(true);
  });

  it('throws CancelledError when main is cancelled', () => {
    const error = thrown(() =>
      run(function* (): Coroutine<void> {
        getRunningLoop()._currentTask?.cancel('bye');
        yield;
      }),
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.message).toBe('bye');
  });

  it('cancels the tasks still pending when main returns, and waits for them', () => {
    const out: string[] = [];
    const clock = new JumpClock();
    const result = run(
      function* () {
        const loop = getRunningLoop();
        loop.createTask(
          (function* (): Coroutine<void> {
            try {
              yield* sleep(100);
            } catch (error) {
              out.push(`worker: ${(error as Error).name} at ${clock.now()}`);
              yield* sleep(1);
              out.push(`worker cleanup done at ${clock.now()}`);
              throw error;
            }
          })(),
        );
        yield* sleep(1);
        return 'main done';
      },
      { clock },
    );
    expect(result).toBe('main done');
    expect(out).toEqual(['worker: CancelledError at 1', 'worker cleanup done at 2']);
  });

  it("reports tasks that fail during shutdown as 'unhandled exception during run() shutdown'", () => {
    const seen: string[] = [];
    run(function* () {
      const loop = getRunningLoop();
      loop.setExceptionHandler((_l, ctx) =>
        seen.push(
          `${ctx.message}: ${(ctx.exception as Error).message} (${(ctx.task as Task).getName()})`,
        ),
      );
      loop.createTask(
        (function* (): Coroutine<void> {
          try {
            yield* sleep(100);
          } catch {
            throw new Error('failed while cancelled');
          }
        })(),
        { name: 'bad-cleanup' },
      );
      yield;
    });
    expect(seen).toEqual([
      'unhandled exception during run() shutdown: failed while cancelled (bad-cleanup)',
    ]);
  });

  it("reports a task's exception nobody retrieved when the loop closes", () => {
    const seen: string[] = [];
    run(function* () {
      const loop = getRunningLoop();
      loop.setExceptionHandler((_l, ctx) =>
        seen.push(`${ctx.message}: ${(ctx.exception as Error).message}`),
      );
      loop.createTask(
        (function* (): Coroutine<void> {
          throw new Error('forgotten');
        })(),
      );
      yield;
      yield;
    });
    expect(seen).toEqual(['Task exception was never retrieved: forgotten']);
  });

  it('refuses to run inside a running loop', () => {
    let inner: Error | null = null;
    run(function* () {
      inner = thrown(() =>
        run(function* () {
          return 1;
        }),
      );
    });
    expect(inner).toBeInstanceOf(RuntimeError);
    expect((inner as unknown as Error).message).toBe(
      'run() cannot be called from a running event loop',
    );
  });

  it("refuses what is not a coroutine with a RangeError (asyncio's ValueError)", () => {
    const e1 = thrown(() => run(42 as never));
    expect(e1).toBeInstanceOf(RangeError);
    expect(e1.message).toBe('a coroutine was expected, got 42');
    const e2 = thrown(() => run((() => 'x') as never));
    expect(e2).toBeInstanceOf(RangeError);
    expect(e2.message).toBe("a coroutine was expected, got 'x'");
    expect(registry.current).toBe(null);
  });

  it('turns debug mode on with { debug: true } or ASYNCIO_TS_DEBUG=1', () => {
    expect(
      run(
        function* () {
          return getRunningLoop().getDebug();
        },
        { debug: true },
      ),
    ).toBe(true);
    vi.stubEnv('ASYNCIO_TS_DEBUG', '');
    expect(
      run(function* () {
        return getRunningLoop().getDebug();
      }),
    ).toBe(false);
    vi.stubEnv('ASYNCIO_TS_DEBUG', '1');
    expect(
      run(function* () {
        return getRunningLoop().getDebug();
      }),
    ).toBe(true);
    expect(
      run(
        function* () {
          return getRunningLoop().getDebug();
        },
        { debug: false },
      ),
    ).toBe(false);
  });

  it('throws a RuntimeError naming what main waits on instead of hanging', () => {
    const error = thrown(() =>
      run(function* () {
        const fut = getRunningLoop().createFuture();
        yield* fut;
      }),
    );
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toMatch(
      /^Event loop would block forever: runUntilComplete\(\) waits on <Task pending name='Task-\d+' wait_for=<Future pending cb=\[Task\.task_wakeup\(\)\]> cb=\[stopLoopOf\(\)\]>/,
    );
    expect(registry.current).toBe(null);
  });

  it('tasks started by main see main finish first, then their cancellation (notebook example 1)', () => {
    const clock = new JumpClock();
    const out: string[] = [];
    function* job(name: string, delay: number): Coroutine<number> {
      out.push(`Start ${name}`);
      yield* sleep(delay);
      out.push(`End ${name} at ${clock.now()}`);
      return delay;
    }
    const result = run(
      function* () {
        const loop = getRunningLoop();
        const tasks = [
          loop.createTask(job('Task 1', 3)),
          loop.createTask(job('Task 2', 2)),
          loop.createTask(job('Task 3', 4)),
          loop.createTask(job('Task 4', 1)),
        ];
        const results: number[] = [];
        for (const t of tasks) results.push(yield* t);
        return results;
      },
      { clock },
    );
    expect(result).toEqual([3, 2, 4, 1]);
    expect(out).toEqual([
      'Start Task 1',
      'Start Task 2',
      'Start Task 3',
      'Start Task 4',
      'End Task 4 at 1',
      'End Task 2 at 2',
      'End Task 1 at 3',
      'End Task 3 at 4',
    ]);
  });
});
