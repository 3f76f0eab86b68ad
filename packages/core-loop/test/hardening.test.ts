/**
 * Regression tests for issue 16, items 2, 5, 7, 8, 12, 13 and 14 (item 4, deep nested runs,
 * is in nest-patch's tests). Each failed before its fix.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CancelledError,
  type Coroutine,
  EventLoop,
  getRunningLoop,
  KeyboardInterrupt,
  RuntimeError,
  run,
  runAsync,
  type Task,
} from '../src/index.js';
import { runScript } from './child-process.js';
import { JumpClock, sleep, thrown } from './support.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Main fails while a background task's cleanup waits on a future nobody will ever settle. */
function* mainFailsWhileCleanupHangs(seen: string[]): Coroutine<void> {
  const loop = getRunningLoop();
  loop.setExceptionHandler((_loop, context) =>
    seen.push(
      `${context.message}${context.exception === undefined ? '' : `: ${(context.exception as Error).name}`}`,
    ),
  );
  loop.createTask(
    (function* () {
      try {
        yield* sleep(10);
      } finally {
        yield* loop.createFuture();
      }
    })(),
  );
  yield* sleep(1);
  throw new TypeError('main failed');
}

/** A task raises KeyboardInterrupt at t=0.01 while main sleeps until t=1. */
function* interruptedByATask(trace: string[]): Coroutine<void> {
  const loop = getRunningLoop();
  loop.setExceptionHandler(() => {});
  loop.createTask(
    (function* () {
      yield* sleep(0.01);
      trace.push('task raises KeyboardInterrupt');
      throw new KeyboardInterrupt('from a task');
    })(),
  );
  try {
    yield* sleep(1);
    trace.push('main slept');
  } catch (error) {
    trace.push(`main: ${(error as Error).name}`);
    throw error;
  }
}

/** A cleanup during run()'s shutdown starts a task that cannot finish before the loop closes. */
function* startsATaskDuringShutdown(trace: string[]): Coroutine<void> {
  const loop = getRunningLoop();
  loop.setExceptionHandler((_loop, context) =>
    trace.push(`${context.message} ${(context.task as Task<unknown>).getName()}`),
  );
  loop.createTask(
    (function* () {
      try {
        yield* sleep(10);
      } finally {
        loop.createTask(sleep(1), { name: 'late' });
      }
    })(),
  );
  yield* sleep(0.01);
}

describe('issue 16 #5: main’s error wins over a failing shutdown', () => {
  it('run() throws main’s error; the shutdown deadlock goes to the exception handler', () => {
    const seen: string[] = [];
    const error = thrown(() => run(mainFailsWhileCleanupHangs(seen), { clock: new JumpClock() }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('main failed');
    expect(seen).toEqual([
      'Task was destroyed but it is pending!',
      'Exception in run() shutdown, after the main task failed (its error is the one thrown): RuntimeError',
    ]);
  });

  it('runAsync() rejects with main’s error (in a process, where the host can run dry)', () => {
    const { stdout, status } = runScript(`
      import { runAsync, getRunningLoop } from CORE;
      function* sleep(s) {
        const loop = getRunningLoop();
        const f = loop.createFuture();
        const timer = loop.callLater(s, () => f.setResult());
        try { yield* f; } finally { timer.cancel(); }
      }
      runAsync(function* () {
        const loop = getRunningLoop();
        loop.setExceptionHandler((_l, c) => console.log('handler:', c.message, c.exception?.name ?? ''));
        loop.createTask((function* () { try { yield* sleep(10); } finally { yield* loop.createFuture(); } })());
        yield* sleep(0.01);
        throw new TypeError('main failed');
      }).then(() => console.log('resolved'), (e) => console.log('rejected:', e.name, e.message));
    `);
    expect(status).toBe(0);
    expect(stdout).toBe(
      'handler: Task was destroyed but it is pending! \n' +
        'handler: Exception in run() shutdown, after the main task failed (its error is the one thrown) RuntimeError\n' +
        'rejected: TypeError main failed\n',
    );
  });
});

describe('issue 16 #7: a task started during run()’s shutdown is reported', () => {
  it('in run()', () => {
    const trace: string[] = [];
    run(startsATaskDuringShutdown(trace), { clock: new JumpClock() });
    expect(trace).toEqual(['Task was destroyed but it is pending! late']);
  });

  it('in runAsync()', async () => {
    const trace: string[] = [];
    await runAsync(startsATaskDuringShutdown(trace), { clock: new JumpClock() });
    expect(trace).toEqual(['Task was destroyed but it is pending! late']);
  });
});

describe('issue 16 #8: a KeyboardInterrupt raised in a task escapes the run at once', () => {
  it('from run(): main is cancelled by the shutdown, not left to sleep on', () => {
    const trace: string[] = [];
    const clock = new JumpClock();
    const error = thrown(() => run(interruptedByATask(trace), { clock }));
    expect(error).toBeInstanceOf(KeyboardInterrupt);
    expect(error.message).toBe('from a task');
    expect(trace).toEqual(['task raises KeyboardInterrupt', 'main: CancelledError']);
    expect(clock.t).toBe(0.01);
  });

  it('from runAsync()', async () => {
    const trace: string[] = [];
    await expect(runAsync(interruptedByATask(trace), { clock: new JumpClock() })).rejects.toThrow(
      KeyboardInterrupt,
    );
    expect(trace).toEqual(['task raises KeyboardInterrupt', 'main: CancelledError']);
  });

  it('from a plain callback, through loop.runUntilComplete', () => {
    const loop = new EventLoop({ clock: new JumpClock() });
    const future = loop.createFuture();
    loop.callLater(1, () => {
      throw new KeyboardInterrupt('from a callback');
    });
    loop.callLater(2, () => future.setResult('too late'));
    expect(() => loop.runUntilComplete(future)).toThrow('from a callback');
    expect(future.done()).toBe(false);
    expect(loop.isRunning()).toBe(false);
    loop.close();
  });
});

describe('issue 16 #2: host timers beyond 2^31-1 ms', () => {
  it('caps the host timer and waits once, instead of spinning', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const loop = new EventLoop();
    let idles = 0;
    loop.addInstrument({ beforeIdle: () => idles++ });
    const future = loop.createFuture<string>();
    loop.callLater(30 * 86400, () => future.setResult('a month later'));
    setTimeout(() => loop.callSoonThreadsafe(() => future.cancel()), 100);
    await expect(loop.runUntilCompleteAsync(future)).rejects.toThrow(CancelledError);
    loop.close();
    expect(idles).toBe(1);
    expect(setTimeoutSpy.mock.calls.map((call) => call[1])).toContain(2 ** 31 - 1);
  });
});

describe('issue 16 #12: loop.stop() from a host callback', () => {
  it('wakes a waiting host-mode run, which ends as asyncio says', async () => {
    const loop = new EventLoop();
    const future = loop.createFuture();
    loop.callLater(3600, () => future.setResult('an hour later'));
    setTimeout(() => loop.stop(), 20);
    const started = performance.now();
    await expect(loop.runUntilCompleteAsync(future)).rejects.toThrow(
      new RuntimeError('Event loop stopped before Future completed.'),
    );
    expect(performance.now() - started).toBeLessThan(3000);
    loop.close();
  }, 5000);
});

describe('issue 16 #13 and #14: concurrent runAsync() runs, Ctrl-C, exit status', () => {
  it('runs twelve at once with one beforeExit and one SIGINT listener, and no warning', () => {
    const { stdout, status } = runScript(`
      import { runAsync, getRunningLoop } from CORE;
      process.on('warning', (w) => console.log('warning:', w.name));
      const runs = [];
      let most = 0;
      for (let i = 0; i < 12; i++) {
        runs.push(runAsync(function* () {
          const loop = getRunningLoop();
          const f = loop.createFuture();
          setTimeout(() => loop.callSoonThreadsafe(() => f.setResult(i)), 50);
          setTimeout(() => { most = Math.max(most, process.listenerCount('beforeExit'), process.listenerCount('SIGINT')); }, 25);
          return yield* f;
        }));
      }
      Promise.all(runs).then((v) => console.log('sum', v.reduce((a, b) => a + b), 'most listeners', most,
        'left', process.listenerCount('beforeExit'), process.listenerCount('SIGINT')));
    `);
    expect(stdout).toBe('sum 66 most listeners 1 left 0 0\n');
    expect(status).toBe(0);
  });

  it('Ctrl-C interrupts every run', () => {
    const { stdout } = runScript(`
      import { runAsync, getRunningLoop } from CORE;
      const main = (name) => function* () {
        const loop = getRunningLoop();
        const f = loop.createFuture();
        loop.callLater(5, () => f.setResult('too late'));
        return yield* f;
      };
      setTimeout(() => process.kill(process.pid, 'SIGINT'), 50);
      for (const name of ['a', 'b']) {
        runAsync(main(name)).then((v) => console.log(name, 'resolved', v), (e) => console.log(name, 'rejected:', e.name));
      }
    `);
    expect(stdout).toBe('a rejected: KeyboardInterrupt\nb rejected: KeyboardInterrupt\n');
  });

  it('a SIGINT sent before the loop goes idle wins over the deadlock check', () => {
    const { stdout } = runScript(`
      import { runAsync, getRunningLoop } from CORE;
      runAsync(function* () { return yield* getRunningLoop().createFuture(); })
        .then((v) => console.log('resolved', v), (e) => console.log('rejected:', e.name));
      process.kill(process.pid, 'SIGINT');
    `);
    expect(stdout).toBe('rejected: KeyboardInterrupt\n');
  });

  it('an unhandled KeyboardInterrupt from runAsync() exits with status 130, as Python', () => {
    const { stdout, status } = runScript(`
      import { runAsync, getRunningLoop } from CORE;
      setTimeout(() => process.kill(process.pid, 'SIGINT'), 50);
      await runAsync(function* () {
        const loop = getRunningLoop();
        const f = loop.createFuture();
        loop.callLater(5, () => f.setResult('too late'));
        return yield* f;
      });
      console.log('not reached');
    `);
    expect(status).toBe(130);
    expect(stdout).toMatch(/^KeyboardInterrupt: interrupted \(SIGINT\)\n {4}at /);
  });

  it('other uncaught errors keep Node’s exit status 1', () => {
    const { status } = runScript(`
      import { runAsync } from CORE;
      runAsync(function* () { yield; throw new KeyboardInterrupt_is_not_this('x'); });
    `);
    expect(status).toBe(1);
  });
});
