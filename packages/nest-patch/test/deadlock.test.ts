import {
  CancelledError,
  type Coroutine,
  currentTask,
  EventLoop,
  type Future,
  RuntimeError,
  run,
  type Task,
} from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { jumpLoop, sleep } from './support.js';

afterEach(() => revert());

const TAIL =
  '; no callback is ready, no timer is scheduled, and the frames beneath a nested run cannot resume until it returns (deadlock)';

/** Runs `body` as the task 'outer' on a patched jump-clock loop; returns what it returned. */
function inOuterTask<T>(body: (loop: EventLoop) => Coroutine<T>): T {
  const { loop } = jumpLoop();
  apply(loop);
  try {
    return loop.runUntilComplete(loop.createTask(body(loop), { name: 'outer' }));
  } finally {
    loop.close();
  }
}

describe('a nested run that only a suspended outer frame could finish', () => {
  it('throws a RuntimeError naming what it waits on and the suspended task', () => {
    const message = inOuterTask(function* (loop) {
      const fut = loop.createFuture<string>();
      let caught = '';
      try {
        loop.runUntilComplete(fut);
      } catch (error) {
        expect(error).toBeInstanceOf(RuntimeError);
        caught = (error as Error).message;
      }
      // The outer task could have finished it: that is the deadlock.
      fut.setResult('too late');
      yield* sleep(0);
      return caught;
    });
    expect(message).toBe(
      `Event loop would block forever: nested runUntilComplete() waits on <Future pending cb=[stopLoopOf()]>, which only a suspended outer frame (task <Task pending name='outer' cb=[stopLoopOf()]>) could finish${TAIL}`,
    );
  });

  it('throws for a nested run() whose coroutine waits on the outer frame, and cancels it', () => {
    const nested: { task: Task<unknown> | null } = { task: null };
    const outcome = inOuterTask(function* (loop) {
      const gate = loop.createFuture<string>();
      let message = '';
      try {
        run(
          (function* () {
            nested.task = currentTask();
            return yield* gate;
          })(),
        );
      } catch (error) {
        message = (error as Error).message;
      }
      yield* sleep(0);
      // As asyncio's cancel(): the task's cancellation also cancelled the future it awaited.
      return {
        message,
        innerCancelled: nested.task?.cancelled(),
        gateCancelled: gate.cancelled(),
        current: currentTask()?.getName(),
      };
    });
    expect(outcome).toEqual({
      message: `Event loop would block forever: nested runUntilComplete() waits on <Task pending name='${nested.task?.getName()}' wait_for=<Future pending cb=[Task.task_wakeup()]> cb=[stopLoopOf()]>, which only a suspended outer frame (task <Task pending name='outer' cb=[stopLoopOf()]>) could finish${TAIL}`,
      innerCancelled: true,
      gateCancelled: true,
      current: 'outer',
    });
  });

  it('throws at once when the nested run waits on the very task that called it', () => {
    const message = inOuterTask(function* (loop) {
      let caught = '';
      try {
        loop.runUntilComplete(currentTask() as Task<unknown>);
      } catch (error) {
        caught = (error as Error).message;
      }
      yield* sleep(0);
      return caught;
    });
    expect(message).toBe(
      "Event loop would block forever: nested runUntilComplete() waits on <Task pending name='outer' cb=[stopLoopOf()]>, which is suspended beneath this nested run (its step called it) and cannot finish before the nested run returns (deadlock)",
    );
  });

  it('names every suspended frame, innermost first, through callbacks and tasks', () => {
    const message = inOuterTask(function* (loop) {
      const never = loop.createFuture<void>();
      const seen = loop.createFuture<string>();
      loop.callSoon(() => {
        try {
          loop.runUntilComplete(never);
        } catch (error) {
          seen.setResult((error as Error).message);
        }
      });
      // The outer task nests a run; the callback nests on top of it.
      return loop.runUntilComplete(seen);
    });
    expect(message).toBe(
      `Event loop would block forever: nested runUntilComplete() waits on <Future pending cb=[stopLoopOf()]>, which only a suspended outer frame (the caller, a plain callback; beneath it, task <Task pending name='outer' cb=[stopLoopOf()]>) could finish${TAIL}`,
    );
  });

  it('throws for a nested runForever that nothing could stop', () => {
    const { loop } = jumpLoop();
    apply(loop);
    const messages: string[] = [];
    loop.callSoon(() => {
      try {
        loop.runForever();
      } catch (error) {
        messages.push((error as Error).message);
      }
      loop.stop();
    });
    loop.runForever();
    loop.close();
    expect(messages).toEqual([
      `Event loop would block forever: nested runForever() has nothing scheduled, so only a suspended outer frame (the caller, a plain callback) could call stop()${TAIL}`,
    ]);
  });

  it('keeps running while unrelated timers are pending, and throws once they are gone', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    function* ticker(): Coroutine<void> {
      for (let i = 1; i <= 5; i++) {
        yield* sleep(1);
        log.push(`tick ${i}`);
      }
    }
    function* outer(): Coroutine<string> {
      loop.createTask(ticker());
      const fut: Future<void> = loop.createFuture();
      try {
        loop.runUntilComplete(fut);
      } catch (error) {
        log.push(`${(error as Error).name} at ${clock.t}`);
      }
      // Resolved by a timer while timers tick: not a deadlock.
      const resolved: Future<string> = loop.createFuture();
      loop.callLater(10, () => resolved.setResult('resolved by a timer'));
      return `${loop.runUntilComplete(resolved)} at ${clock.t}`;
    }
    expect(loop.runUntilComplete(outer())).toBe('resolved by a timer at 15');
    expect(log).toEqual(['tick 1', 'tick 2', 'tick 3', 'tick 4', 'tick 5', 'RuntimeError at 5']);
    loop.close();
  });

  it('detects the deadlock within 100 ms on the real clock', () => {
    apply();
    const loop = new EventLoop();
    let elapsed = Number.NaN;
    let thrown: unknown;
    function* outer(): Coroutine<void> {
      // A real 20 ms timer keeps the nested run busy first; then nothing is left.
      loop.callLater(0.02, () => {});
      const started = performance.now();
      try {
        loop.runUntilComplete(loop.createFuture());
      } catch (error) {
        thrown = error;
      }
      elapsed = performance.now() - started;
      yield* sleep(0);
    }
    loop.runUntilComplete(outer());
    loop.close();
    expect(thrown).toBeInstanceOf(RuntimeError);
    expect(elapsed).toBeGreaterThanOrEqual(19);
    expect(elapsed).toBeLessThan(100);
  });
});

describe('a run beneath a nested run', () => {
  it('returns when its future finished inside the nested run (its stop is not lost)', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    function* main(): Coroutine<string> {
      loop.callSoon(() => {
        // Runs until stop(): the stop that ends it comes 1 s later, after main is done.
        loop.callLater(3, () => loop.stop());
        loop.runForever();
        log.push(`nested runForever stopped at ${clock.t}`);
      });
      yield* sleep(2);
      return `main done at ${clock.t}`;
    }
    expect(loop.runUntilComplete(main())).toBe('main done at 2');
    expect(log).toEqual(['nested runForever stopped at 3']);
    loop.close();
  });

  it('is not stopped by a nested run that ends with a CancelledError', () => {
    const { loop } = jumpLoop();
    apply(loop);
    function* main(): Coroutine<string> {
      const task = loop.createTask(sleep(5));
      loop.callLater(1, () => task.cancel());
      expect(() => loop.runUntilComplete(task)).toThrow(CancelledError);
      yield* sleep(1);
      return 'main goes on';
    }
    expect(loop.runUntilComplete(main())).toBe('main goes on');
    loop.close();
  });
});
