import { describe, expect, it } from 'vitest';
import {
  allTasks,
  CancelledError,
  type Coroutine,
  currentTask,
  type Future,
  RuntimeError,
  type Task,
} from '../src/index.js';
import { captureExceptions, jumpLoop, sleep, thrown } from './support.js';

/** Runs `main` as a task on a fresh jump-clock loop and closes the loop. */
function runMain<T>(main: () => Coroutine<T>): T {
  const { loop } = jumpLoop();
  try {
    return loop.runUntilComplete(main());
  } finally {
    loop.close();
  }
}

function errorText(error: unknown): string {
  return `${(error as Error).name}: ${(error as Error).message}`;
}

describe('Task basics', () => {
  it('schedules its first step with callSoon, not synchronously', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    loop.callSoon(() => out.push('callback before'));
    const task = loop.createTask(
      (function* () {
        out.push('step 1');
        yield;
        out.push('step 2');
        return 'r';
      })(),
    );
    loop.callSoon(() => out.push('callback after'));
    expect(out).toEqual([]);
    expect(loop.runUntilComplete(task)).toBe('r');
    expect(out).toEqual(['callback before', 'step 1', 'callback after', 'step 2']);
    loop.close();
  });

  it('gives up exactly one turn on a bare yield (tasks interleave)', () => {
    const out: string[] = [];
    runMain(function* () {
      const loop = currentTask()?.getLoop();
      function* worker(name: string): Coroutine<void> {
        for (let i = 0; i < 3; i++) {
          out.push(`${name}${i}`);
          yield;
        }
      }
      const a = loop?.createTask(worker('a')) as Task<void>;
      const b = loop?.createTask(worker('b')) as Task<void>;
      yield* a;
      yield* b;
    });
    expect(out).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
  });

  it('parks on a yielded future until it is done, and returns its value', () => {
    const { loop, clock } = jumpLoop();
    const fut = loop.createFuture<string>();
    loop.callLater(3, () => fut.setResult('ready'));
    const task = loop.createTask(
      (function* () {
        const v = yield* fut;
        return `${v} at ${clock.now()}`;
      })(),
    );
    expect(loop.runUntilComplete(task)).toBe('ready at 3');
    expect(task.done()).toBe(true);
    expect(task.result()).toBe('ready at 3');
    loop.close();
  });

  it('ends with the exception its coroutine throws', () => {
    const { loop } = jumpLoop();
    const task = loop.createTask(
      (function* (): Coroutine<void> {
        yield;
        throw new RangeError('inside');
      })(),
    );
    const error = thrown(() => loop.runUntilComplete(task));
    expect(errorText(error)).toBe('RangeError: inside');
    expect(task.exception()).toBe(error);
    loop.close();
  });

  it('names tasks Task-<n> by default; names can be set and read', () => {
    const { loop } = jumpLoop();
    const t1 = loop.createTask((function* () {})());
    const t2 = loop.createTask((function* () {})());
    const n1 = Number(t1.getName().replace('Task-', ''));
    expect(t1.getName()).toMatch(/^Task-\d+$/);
    expect(t2.getName()).toBe(`Task-${n1 + 1}`);
    const named = loop.createTask((function* () {})(), { name: 'worker' });
    expect(named.getName()).toBe('worker');
    named.setName(7);
    expect(named.getName()).toBe('7');
    loop.runUntilComplete(named);
    loop.close();
  });

  it('returns its coroutine from getCoro()', () => {
    const { loop } = jumpLoop();
    const coro = (function* () {})();
    const task = loop.createTask(coro);
    expect(task.getCoro()).toBe(coro);
    loop.runUntilComplete(task);
    loop.close();
  });

  it("has asyncio's repr in every state", () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    const waiting = loop.createTask(
      (function* () {
        yield* fut;
        return 3;
      })(),
      { name: 'w' },
    );
    expect(String(waiting)).toBe("<Task pending name='w'>");
    loop.stop();
    loop.runForever();
    expect(String(waiting)).toBe(
      "<Task pending name='w' wait_for=<Future pending cb=[Task.task_wakeup()]>>",
    );
    fut.setResult(1);
    loop.runUntilComplete(waiting);
    expect(String(waiting)).toBe("<Task finished name='w' result=3>");

    const failing = loop.createTask(
      (function* (): Coroutine<void> {
        throw new TypeError('t');
      })(),
      { name: 'f' },
    );
    thrown(() => loop.runUntilComplete(failing));
    expect(String(failing)).toBe("<Task finished name='f' exception=TypeError('t')>");

    const cancelled = loop.createTask(sleep(5), { name: 'c' });
    cancelled.cancel();
    expect(String(cancelled)).toBe("<Task cancelling name='c'>");
    thrown(() => loop.runUntilComplete(cancelled));
    expect(String(cancelled)).toBe("<Task cancelled name='c'>");
    loop.close();
  });

  it('refuses setResult and setException with RuntimeError', () => {
    const { loop } = jumpLoop();
    const task = loop.createTask(sleep(1));
    expect(thrown(() => task.setResult(undefined)).message).toBe(
      'Task does not support set_result operation',
    );
    expect(thrown(() => task.setException(new Error('x'))).message).toBe(
      'Task does not support set_exception operation',
    );
    expect(task.done()).toBe(false);
    loop.runUntilComplete(task);
    loop.close();
  });

  it('refuses what is not a coroutine with a TypeError', () => {
    const { loop } = jumpLoop();
    const e1 = thrown(() => loop.createTask('x' as never));
    expect(e1).toBeInstanceOf(TypeError);
    expect(e1.message).toBe("a coroutine was expected, got 'x'");
    const e2 = thrown(() => loop.createTask(function* () {} as never));
    expect(e2).toBeInstanceOf(TypeError);
    expect(e2.message).toBe('a coroutine was expected, got <function* anonymous>');
    loop.close();
  });
});

describe('what a coroutine may yield', () => {
  it("throws RuntimeError('Task got bad yield: …') into the coroutine, which may catch it", () => {
    const got = runMain(function* (): Coroutine<string> {
      try {
        yield 42 as never;
        return 'no error';
      } catch (error) {
        return errorText(error);
      }
    });
    expect(got).toBe('RuntimeError: Task got bad yield: 42');
  });

  it('fails the task when the bad yield is not caught', () => {
    const { loop } = jumpLoop();
    const task = loop.createTask(
      (function* (): Coroutine<void> {
        yield { some: 'object' } as never;
      })(),
    );
    const error = thrown(() => loop.runUntilComplete(task));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe("Task got bad yield: {some: 'object'}");
    loop.close();
  });

  it('detects `yield fut` written without the star', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    const task = loop.createTask(
      (function* (): Coroutine<void> {
        yield fut;
      })(),
      { name: 'nostar' },
    );
    const error = thrown(() => loop.runUntilComplete(task));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe(
      "yield was used instead of yield* in task <Task pending name='nostar' cb=[stopLoopOf()]> with <Future pending>",
    );
    loop.close();
  });

  it('detects a generator yielded without the star', () => {
    const { loop } = jumpLoop();
    const task = loop.createTask(
      (function* (): Coroutine<void> {
        yield sleep(1) as never;
      })(),
      { name: 'gen' },
    );
    const error = thrown(() => loop.runUntilComplete(task));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe(
      "yield was used instead of yield* for generator in task <Task pending name='gen' cb=[stopLoopOf()]> with <generator object>",
    );
    loop.close();
  });

  it('fails a task that awaits itself', () => {
    const { loop } = jumpLoop();
    const self: { task: Task<void> | null } = { task: null };
    const task = loop.createTask(
      (function* (): Coroutine<void> {
        yield* self.task as Task<void>;
      })(),
      { name: 'me' },
    );
    self.task = task;
    const error = thrown(() => loop.runUntilComplete(task));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe(
      "Task cannot await on itself: <Task pending name='me' cb=[stopLoopOf()]>",
    );
    loop.close();
  });

  it('refuses a future of another loop', () => {
    const { loop } = jumpLoop();
    const other = jumpLoop().loop;
    const foreign = other.createFuture();
    const task = loop.createTask(
      (function* (): Coroutine<void> {
        yield* foreign;
      })(),
      { name: 'x' },
    );
    const error = thrown(() => loop.runUntilComplete(task));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe(
      "Task <Task pending name='x' cb=[stopLoopOf()]> got Future <Future pending> attached to a different loop",
    );
    loop.close();
    other.close();
  });

  it('explains that a native Promise cannot settle in a blocking run', () => {
    const { loop } = jumpLoop();
    const task = loop.createTask(
      (function* (): Coroutine<void> {
        yield Promise.resolve(1);
      })(),
      { name: 'p' },
    );
    const error = thrown(() => loop.runUntilComplete(task));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe(
      "Task <Task pending name='p' cb=[stopLoopOf()]> yielded a Promise in a blocking run, where it can never settle (the thread is blocked): use runAsync() to await native promises",
    );
    loop.close();
  });
});

describe('cancellation', () => {
  it('throws CancelledError(msg) at the suspension point; the task ends cancelled', () => {
    const out: string[] = [];
    runMain(function* () {
      const loop = currentTask()?.getLoop();
      const worker = loop?.createTask(
        (function* (): Coroutine<void> {
          try {
            yield* sleep(10);
          } catch (error) {
            out.push(`worker: ${errorText(error)}`);
            throw error;
          }
        })(),
      ) as Task<void>;
      yield;
      expect(worker.cancel('shutting down')).toBe(true);
      expect(worker.cancelling()).toBe(1);
      try {
        yield* worker;
      } catch (error) {
        out.push(`main: ${errorText(error)} cancelled=${worker.cancelled()}`);
      }
      expect(worker.cancel()).toBe(false);
      // result() re-raises the coroutine's CancelledError once, then a fresh one (as 3.11).
      out.push(`result: ${errorText(thrown(() => worker.result()))}`);
      out.push(`exception: ${errorText(thrown(() => worker.exception()))}`);
    });
    expect(out).toEqual([
      'worker: CancelledError: shutting down',
      'main: CancelledError: shutting down cancelled=true',
      'result: CancelledError: ',
      'exception: CancelledError: ',
    ]);
  });

  it('never runs the body of a task cancelled before its first step', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const task = loop.createTask(
      (function* () {
        out.push('body ran');
        yield;
      })(),
    );
    task.cancel();
    expect(thrown(() => loop.runUntilComplete(task))).toBeInstanceOf(CancelledError);
    expect(task.cancelled()).toBe(true);
    expect(out).toEqual([]);
    loop.close();
  });

  it('lets the coroutine catch the CancelledError and go on (the task is not cancelled)', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const task = loop.createTask(
      (function* (): Coroutine<string> {
        try {
          yield* sleep(10);
        } catch (error) {
          out.push(`caught ${errorText(error)} cancelling=${currentTask()?.cancelling()}`);
        }
        out.push(`uncancel -> ${currentTask()?.uncancel()}`);
        yield* sleep(1);
        return 'ok';
      })(),
    );
    loop.callLater(2, () => {
      task.cancel('x');
      task.cancel('y');
      out.push(`cancelling=${task.cancelling()}`);
    });
    expect(loop.runUntilComplete(task)).toBe('ok');
    // The same trace as CPython 3.11 (the first message wins; the count stays at 1).
    expect(out).toEqual(['cancelling=2', 'caught CancelledError: x cancelling=2', 'uncancel -> 1']);
    expect(task.cancelled()).toBe(false);
    expect(task.cancelling()).toBe(1);
    expect(loop.time()).toBe(3);
    loop.close();
  });

  it('uncancel() never goes below zero', () => {
    const { loop } = jumpLoop();
    const task = loop.createTask(sleep(1));
    expect(task.uncancel()).toBe(0);
    task.cancel();
    task.cancel();
    expect(task.uncancel()).toBe(1);
    expect(task.uncancel()).toBe(0);
    expect(task.uncancel()).toBe(0);
    thrown(() => loop.runUntilComplete(task));
    expect(task.cancelled()).toBe(true);
    loop.close();
  });

  it('cancels the task it waits on; if that task ignores it, the waiter goes on', () => {
    const out: string[] = [];
    let outerTask: Task<void> | null = null;
    runMain(function* () {
      const loop = currentTask()?.getLoop();
      const inner = loop?.createTask(
        (function* (): Coroutine<string> {
          try {
            yield* sleep(1);
          } catch {
            out.push('inner ignores the cancel');
          }
          yield* sleep(1);
          return 'inner done';
        })(),
        { name: 'inner' },
      ) as Task<string>;
      const outer = loop?.createTask(
        (function* (): Coroutine<void> {
          try {
            out.push(`outer got ${yield* inner}`);
          } catch (error) {
            out.push(`outer ${errorText(error)}`);
            throw error;
          }
        })(),
        { name: 'outer' },
      ) as Task<void>;
      outerTask = outer;
      yield;
      out.push(
        `cancel -> ${outer.cancel('m')}, cancelling ${outer.cancelling()}/${inner.cancelling()}`,
      );
      out.push(String(outer));
      yield* sleep(3);
    });
    expect(out).toEqual([
      'cancel -> true, cancelling 1/1',
      "<Task cancelling name='outer' wait_for=<Task cancelling name='inner' wait_for=<Future cancelled> cb=[Task.task_wakeup()]>>",
      'inner ignores the cancel',
      'outer got inner done',
    ]);
    const outer = outerTask as unknown as Task<void>;
    expect(outer.cancelled()).toBe(false);
    expect(outer.cancelling()).toBe(1);
  });

  it('carries the message through a chain of awaiting tasks', () => {
    const got = runMain(function* (): Coroutine<string> {
      const loop = currentTask()?.getLoop();
      const inner = loop?.createTask(sleep(10)) as Task<undefined>;
      const outer = loop?.createTask(
        (function* () {
          yield* inner;
        })(),
      ) as Task<void>;
      yield;
      outer.cancel('chain');
      try {
        yield* outer;
        return 'not cancelled';
      } catch (error) {
        return `${errorText(error)} inner=${inner.cancelled()} outer=${outer.cancelled()}`;
      }
    });
    expect(got).toBe('CancelledError: chain inner=true outer=true');
  });

  it('a task that cancels itself and returns ends cancelled', () => {
    const { loop } = jumpLoop();
    const task = loop.createTask(
      (function* (): Coroutine<number> {
        currentTask()?.cancel('self');
        return 5;
      })(),
    );
    const error = thrown(() => loop.runUntilComplete(task));
    expect(errorText(error)).toBe('CancelledError: self');
    expect(task.cancelled()).toBe(true);
    loop.close();
  });

  it('a task that cancels itself gets the CancelledError at its next yield', () => {
    const got = runMain(function* (): Coroutine<string> {
      currentTask()?.cancel('self2');
      try {
        yield;
        return 'not cancelled';
      } catch (error) {
        return `caught ${errorText(error)}`;
      }
    });
    expect(got).toBe('caught CancelledError: self2');
  });

  it('cancels a future yielded after a cancel() that arrived during the step', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    const task = loop.createTask(
      (function* (): Coroutine<string> {
        currentTask()?.cancel('late');
        try {
          yield* fut;
          return 'no';
        } catch (error) {
          return `${errorText(error)} fut.cancelled=${fut.cancelled()}`;
        }
      })(),
    );
    expect(loop.runUntilComplete(task)).toBe('CancelledError: late fut.cancelled=true');
    loop.close();
  });

  it('a finally block runs when a task is cancelled, and may yield', () => {
    const out: string[] = [];
    runMain(function* () {
      const loop = currentTask()?.getLoop();
      const t = loop?.createTask(
        (function* (): Coroutine<void> {
          try {
            yield* sleep(10);
          } finally {
            out.push(`cleanup at ${loop?.time()}`);
            yield* sleep(1);
            out.push(`cleanup done at ${loop?.time()}`);
          }
        })(),
      ) as Task<void>;
      yield* sleep(2);
      t.cancel();
      try {
        yield* t;
      } catch (error) {
        out.push(`${errorText(error)} at ${loop?.time()}`);
      }
    });
    expect(out).toEqual(['cleanup at 2', 'cleanup done at 3', 'CancelledError:  at 3']);
  });
});

describe('currentTask and allTasks', () => {
  it('know the task that is stepping; null in plain callbacks', () => {
    const { loop } = jumpLoop();
    const seen: (string | null)[] = [];
    const a = loop.createTask(
      (function* () {
        seen.push(currentTask()?.getName() ?? null);
        loop.callSoon(() => seen.push(currentTask()?.getName() ?? null));
        yield;
        seen.push(currentTask(loop)?.getName() ?? null);
      })(),
      { name: 'A' },
    );
    loop.runUntilComplete(a);
    expect(seen).toEqual(['A', null, 'A']);
    expect(currentTask(loop)).toBe(null);
    loop.close();
  });

  it('throw "no running event loop" without a loop argument outside a loop', () => {
    expect(thrown(() => currentTask()).message).toBe('no running event loop');
    expect(thrown(() => allTasks()).message).toBe('no running event loop');
  });

  it('allTasks holds the pending tasks only', () => {
    const { loop } = jumpLoop();
    let inside: string[] = [];
    // (Compared by identity: a Task is iterable, so deep equality would await it.)
    const names = (set: Set<{ getName(): string }>) => [...set].map((t) => t.getName()).sort();
    const short = loop.createTask(sleep(1), { name: 'short' });
    const long = loop.createTask(sleep(5), { name: 'long' });
    const main = loop.createTask(
      (function* () {
        yield* sleep(2);
        inside = names(allTasks());
      })(),
      { name: 'main' },
    );
    expect(names(allTasks(loop))).toEqual(['long', 'main', 'short']);
    expect(allTasks(loop).has(short)).toBe(true);
    loop.runUntilComplete(main);
    expect(inside).toEqual(['long', 'main']);
    expect(names(allTasks(loop))).toEqual(['long']);
    expect(allTasks(loop).has(long)).toBe(true);
    loop.runUntilComplete(long);
    expect(allTasks(loop).size).toBe(0);
    loop.close();
  });
});

describe('exceptions nobody retrieved', () => {
  it("are reported as 'Task exception was never retrieved' when the loop closes", () => {
    const { loop } = jumpLoop();
    const seen = captureExceptions(loop);
    const error = new Error('forgotten');
    loop.createTask(
      (function* (): Coroutine<void> {
        throw error;
      })(),
    );
    loop.runUntilComplete(sleep(1));
    expect(seen).toEqual([]);
    loop.close();
    expect(seen).toEqual([{ message: 'Task exception was never retrieved', exception: error }]);
  });

  it('are not reported when someone awaited the task', () => {
    const { loop } = jumpLoop();
    const seen = captureExceptions(loop);
    const failing = loop.createTask(
      (function* (): Coroutine<void> {
        yield;
        throw new Error('seen');
      })(),
    );
    const got = loop.runUntilComplete(
      (function* () {
        try {
          yield* failing;
        } catch (error) {
          return (error as Error).message;
        }
        return 'no';
      })(),
    );
    expect(got).toBe('seen');
    loop.close();
    expect(seen).toEqual([]);
  });

  it('are not reported for the task runUntilComplete raised from', () => {
    const { loop } = jumpLoop();
    const seen = captureExceptions(loop);
    thrown(() =>
      loop.runUntilComplete(
        (function* (): Coroutine<void> {
          throw new Error('raised to the caller');
        })(),
      ),
    );
    loop.close();
    expect(seen).toEqual([]);
  });
});

describe('a future done before the task parks', () => {
  it('wakes the task on the next iteration', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const fut: Future<number> = loop.createFuture();
    const task = loop.createTask(
      (function* () {
        loop.callSoon(() => out.push('queued during step'));
        const v = yield* fut;
        out.push(`woke with ${v}`);
      })(),
    );
    loop.callSoon(() => fut.setResult(9));
    loop.runUntilComplete(task);
    expect(out).toEqual(['queued during step', 'woke with 9']);
    loop.close();
  });
});
