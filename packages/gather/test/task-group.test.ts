import {
  CancelledError,
  type Coroutine,
  currentTask,
  KeyboardInterrupt,
  RuntimeError,
  type Task,
} from '@asyncio-ts/core-loop';
import { ExceptionGroup, TaskGroup, taskGroup } from '@asyncio-ts/gather';
import { describe, expect, it } from 'vitest';
import { caught, describeError, loop, runVirtual, sleep, Trace } from './support.js';

class MyError extends Error {
  override name = 'MyError';
}

function* crashAfter(delay: number, message = String(delay)): Coroutine<never> {
  yield* sleep(delay);
  throw new MyError(message);
}

/** The names of the error classes of a group, sorted. */
function types(group: unknown): string[] {
  expect(group).toBeInstanceOf(ExceptionGroup);
  return [...new Set((group as ExceptionGroup).errors.map((e) => (e as Error).name))].sort();
}

describe('taskGroup', () => {
  it('runs its tasks concurrently and waits for all of them (test_taskgroup_01)', () => {
    const trace = new Trace();
    runVirtual(function* () {
      let t1!: Task<number>;
      let t2!: Task<number>;
      const value = yield* taskGroup(function* (tg) {
        t1 = tg.createTask(sleep(0.1, 42));
        t2 = tg.createTask(sleep(0.2, 11));
        trace.log('body done');
        return 'body';
      });
      trace.log('group done');
      expect(value).toBe('body');
      expect(t1.result()).toBe(42);
      expect(t2.result()).toBe(11);
    });
    expect(trace.lines).toEqual(['t=0 body done', 't=0.2 group done']);
  });

  it('accepts tasks created while the body runs (test_taskgroup_02)', () => {
    runVirtual(function* () {
      let t2!: Task<number>;
      yield* taskGroup(function* (tg) {
        tg.createTask(sleep(0.1, 42));
        yield* sleep(0.15);
        t2 = tg.createTask(sleep(0.2, 11));
      });
      expect(t2.result()).toBe(11);
      expect(loop().time()).toBeCloseTo(0.35);
    });
  });

  it('a task cancelled on its own does not affect the group (test_taskgroup_03)', () => {
    runVirtual(function* () {
      let t1!: Task<number>;
      let t2!: Task<number>;
      yield* taskGroup(function* (tg) {
        t1 = tg.createTask(sleep(1, 42));
        yield* sleep(0.15);
        t1.cancel();
        t2 = tg.createTask(sleep(0.2, 11));
      });
      expect(t1.cancelled()).toBe(true);
      expect(t2.result()).toBe(11);
    });
  });

  it('the first failure cancels the other tasks and the body; errors come as an ExceptionGroup', () => {
    const trace = new Trace();
    runVirtual(function* () {
      let t2!: Task<void>;
      const error = yield* caught(
        taskGroup(function* (tg) {
          tg.createTask(crashAfter(0.1));
          t2 = tg.createTask(
            (function* () {
              try {
                yield* sleep(1);
              } catch (e) {
                trace.log(`t2 ${describeError(e)}`);
                throw e;
              }
            })(),
          );
          try {
            yield* sleep(10);
          } catch (e) {
            trace.log(`body ${describeError(e)}`);
            throw e;
          }
          trace.log('body finished (never)');
        }),
      );
      trace.log(`group raised ${describeError(error)}`);
      expect(types(error)).toEqual(['MyError']);
      expect((error as ExceptionGroup).errors.length).toBe(1);
      expect(t2.cancelled()).toBe(true);
      // The group took back the cancellation it sent to its parent.
      expect((currentTask() as Task<unknown>).cancelling()).toBe(0);
    });
    expect(trace.lines).toEqual([
      't=0.1 t2 CancelledError()',
      't=0.1 body CancelledError()',
      "t=0.1 group raised ExceptionGroup('unhandled errors in a TaskGroup (1 sub-exception)')",
    ]);
  });

  it('gathers simultaneous failures into one group (test_cancel_children_on_child_error)', () => {
    runVirtual(function* () {
      const error = yield* caught(
        taskGroup(function* (tg) {
          tg.createTask(crashAfter(0.1, 'a'));
          tg.createTask(crashAfter(0.1, 'b'));
          tg.createTask(crashAfter(0.1, 'c'));
          tg.createTask(sleep(5));
          yield* sleep(10);
        }),
      );
      const group = error as ExceptionGroup;
      expect(group.message).toBe('unhandled errors in a TaskGroup (3 sub-exceptions)');
      expect(group.errors.map((e) => (e as Error).message)).toEqual(['a', 'b', 'c']);
      expect(group).toBeInstanceOf(AggregateError);
    });
  });

  it('cancelling the parent cancels every task, and the parent ends cancelled (test_cancellation)', () => {
    runVirtual(function* () {
      let cancelledTasks = 0;
      function* foo(): Coroutine<void> {
        try {
          yield* sleep(5);
        } catch (e) {
          cancelledTasks++;
          throw e;
        }
      }
      const runner = loop().createTask(
        taskGroup(function* (tg) {
          for (let i = 0; i < 5; i++) tg.createTask(foo());
        }),
      );
      yield* sleep(0.1);
      expect(runner.done()).toBe(false);
      runner.cancel();
      const error = yield* caught(runner);
      expect(error).toBeInstanceOf(CancelledError);
      expect(runner.cancelled()).toBe(true);
      expect(cancelledTasks).toBe(5);
    });
  });

  it('cancelling the parent while the body waits cancels the body and the tasks (test_taskgroup_07)', () => {
    runVirtual(function* () {
      let count = 0;
      function* foo(): Coroutine<void> {
        try {
          yield* sleep(5);
        } catch (e) {
          count += 1;
          throw e;
        }
      }
      const runner = loop().createTask(
        taskGroup(function* (tg) {
          for (let i = 0; i < 5; i++) tg.createTask(foo());
          try {
            yield* sleep(10);
          } catch (e) {
            count += 10;
            throw e;
          }
        }),
      );
      yield* sleep(0.1);
      runner.cancel();
      expect(yield* caught(runner)).toBeInstanceOf(CancelledError);
      expect(count).toBe(15);
    });
  });

  it('errors raised while the tasks are being cancelled win over the cancellation (test_taskgroup_08)', () => {
    runVirtual(function* () {
      function* foo(): Coroutine<void> {
        try {
          yield* sleep(10);
        } catch {
          // Python's `finally: raise`: the cancellation is replaced by this error.
          throw new MyError('in finally');
        }
      }
      const runner = loop().createTask(
        taskGroup(function* (tg) {
          for (let i = 0; i < 5; i++) tg.createTask(foo());
          yield* sleep(10);
        }),
      );
      yield* sleep(0.1);
      runner.cancel();
      const error = yield* caught(runner);
      expect(types(error)).toEqual(['MyError']);
      expect((error as ExceptionGroup).errors.length).toBe(5);
    });
  });

  it('an error in the body cancels the tasks and joins the group (test_taskgroup_09, _10)', () => {
    runVirtual(function* () {
      let t1!: Task<number>;
      let t2!: Task<number>;
      const error = yield* caught(
        taskGroup(function* (tg) {
          t1 = tg.createTask(sleep(1, 42));
          t2 = tg.createTask(sleep(2, 11));
          yield* sleep(0.1);
          throw new MyError('body');
        }),
      );
      expect(types(error)).toEqual(['MyError']);
      expect(t1.cancelled()).toBe(true);
      expect(t2.cancelled()).toBe(true);
    });
  });

  it('nested groups: the inner group is one error of the outer one (test_taskgroup_11, _12)', () => {
    runVirtual(function* () {
      function* foo(): Coroutine<void> {
        try {
          yield* sleep(10);
        } catch {
          // Python's `finally: raise`: the cancellation is replaced by this error.
          throw new MyError('finally');
        }
      }
      const runner = loop().createTask(
        taskGroup(function* (g1) {
          g1.createTask(sleep(10));
          yield* taskGroup(function* (g2) {
            for (let i = 0; i < 5; i++) g2.createTask(foo());
            yield* sleep(10);
          });
        }),
      );
      yield* sleep(0.1);
      runner.cancel();
      const error = yield* caught(runner);
      expect(types(error)).toEqual(['ExceptionGroup']);
      expect(types((error as ExceptionGroup).errors[0])).toEqual(['MyError']);
    });
  });

  it('a failure in the outer group cancels the inner one (test_taskgroup_13)', () => {
    runVirtual(function* () {
      const error = yield* caught(
        taskGroup(function* (g1) {
          g1.createTask(crashAfter(0.1));
          yield* taskGroup(function* (g2) {
            g2.createTask(crashAfter(10));
          });
        }),
      );
      expect(types(error)).toEqual(['MyError']);
    });
  });

  it('a failure in the inner group reaches the outer one as a group (test_taskgroup_14)', () => {
    runVirtual(function* () {
      const error = yield* caught(
        taskGroup(function* (g1) {
          g1.createTask(crashAfter(10));
          yield* taskGroup(function* (g2) {
            g2.createTask(crashAfter(0.1));
          });
        }),
      );
      expect(types(error)).toEqual(['ExceptionGroup']);
      expect(types((error as ExceptionGroup).errors[0])).toEqual(['MyError']);
    });
  });

  it('a task failing while the cancelled parent still cleans up gives a group (test_taskgroup_15, _16)', () => {
    runVirtual(function* () {
      const runner = loop().createTask(
        taskGroup(function* (g1) {
          g1.createTask(crashAfter(0.3));
          try {
            yield* sleep(10);
          } catch (e) {
            yield* sleep(0.5);
            throw e;
          }
        }),
      );
      yield* sleep(0.1);
      runner.cancel();
      expect(types(yield* caught(runner))).toEqual(['MyError']);
    });
  });

  it('a cancelled parent with an empty group ends cancelled (test_taskgroup_17, _22)', () => {
    runVirtual(function* () {
      let count = 0;
      const runner = loop().createTask(
        taskGroup(function* () {
          try {
            yield* sleep(10);
          } catch (e) {
            count += 10;
            throw e;
          }
        }),
      );
      yield* sleep(0.1);
      runner.cancel();
      expect(yield* caught(runner)).toBeInstanceOf(CancelledError);
      expect(count).toBe(10);
    });
  });

  it('an error thrown instead of the CancelledError joins a group (test_taskgroup_18)', () => {
    runVirtual(function* () {
      const runner = loop().createTask(
        taskGroup(function* () {
          try {
            yield* sleep(10);
          } catch {
            throw new MyError('instead');
          }
        }),
      );
      yield* sleep(0.1);
      runner.cancel();
      expect(types(yield* caught(runner))).toEqual(['MyError']);
    });
  });

  it('the body and a task failing both land in the group (test_taskgroup_19)', () => {
    runVirtual(function* () {
      class Zero extends Error {
        override name = 'Zero';
      }
      const error = yield* caught(
        taskGroup(function* (tg) {
          tg.createTask(
            (function* () {
              yield* sleep(0.1);
              throw new Zero('zero');
            })(),
          );
          try {
            yield* sleep(10);
          } catch {
            // Python's `finally: raise`: the cancellation is replaced by this error.
            throw new MyError('nested');
          }
        }),
      );
      expect(types(error)).toEqual(['MyError', 'Zero']);
    });
  });

  it('KeyboardInterrupt escapes as it is (test_taskgroup_20)', () => {
    runVirtual(function* () {
      const error = yield* caught(
        taskGroup(function* (tg) {
          tg.createTask(crashAfter(0.1));
          try {
            yield* sleep(10);
          } catch {
            // Python's `finally: raise`: the cancellation is replaced by this error.
            throw new KeyboardInterrupt('interrupted');
          }
        }),
      );
      expect(error).toBeInstanceOf(KeyboardInterrupt);
    });
  });

  it('tasks may add tasks to their own group (test_taskgroup_24, _25)', () => {
    runVirtual(function* () {
      let hydras = 0;
      function* hydra(g: TaskGroup): Coroutine<void> {
        hydras++;
        yield* sleep(0.01);
        g.createTask(hydra(g));
        g.createTask(hydra(g));
      }
      function* hercules(): Coroutine<void> {
        while (hydras < 10) yield* sleep(0.015);
        throw new MyError('hercules');
      }
      const error = yield* caught(
        taskGroup(function* (g) {
          g.createTask(hydra(g));
          g.createTask(hercules());
        }),
      );
      expect(types(error)).toEqual(['MyError']);
      expect(hydras).toBeGreaterThanOrEqual(10);
    });
  });

  it('forgets finished tasks as it goes (test_taskgroup_23)', () => {
    runVirtual(function* () {
      yield* taskGroup(function* (g) {
        for (let count = 0; count < 10; count++) {
          yield* sleep(0.1);
          g.createTask(sleep(0.3));
          if (count === 5) {
            const tasks = Number(/tasks=(\d+)/.exec(String(g))?.[1]);
            expect(tasks).toBeLessThan(5);
          }
        }
        yield* sleep(1.35);
        expect(String(g)).toBe('<TaskGroup entered>');
      });
    });
  });

  it('names tasks (test_taskgroup_task_name)', () => {
    runVirtual(function* () {
      yield* taskGroup(function* (g) {
        expect(g.createTask(sleep(0), { name: 'yolo' }).getName()).toBe('yolo');
      });
    });
  });

  it('uses up a task number for a named task, as 3.11 does: Task-2 x Task-4', () => {
    runVirtual(function* () {
      yield* taskGroup(function* (g) {
        const first = Number(g.createTask(sleep(0)).getName().slice('Task-'.length));
        expect(g.createTask(sleep(0), { name: 'x' }).getName()).toBe('x');
        expect(g.createTask(sleep(0)).getName()).toBe(`Task-${first + 2}`);
      });
    });
  });

  it('refuses new tasks once shutting down (test_taskgroup_no_create_task_after_failure)', () => {
    runVirtual(function* () {
      let refused: unknown;
      const error = yield* caught(
        taskGroup(function* (g) {
          g.createTask(crashAfter(0.001, 'first'));
          g.createTask(
            (function* () {
              try {
                yield* sleep(1);
              } catch {
                const c1 = crashAfter(0, 'c1');
                try {
                  g.createTask(c1);
                } catch (e) {
                  refused = e;
                }
                // As 3.11, the refused coroutine can still be awaited.
                expect(describeError(yield* caught(c1))).toBe("MyError('c1')");
              }
            })(),
          );
        }),
      );
      expect(refused).toBeInstanceOf(RuntimeError);
      expect((refused as Error).message).toMatch(
        /^TaskGroup <TaskGroup tasks=1 errors=1 cancelling> is shutting down$/,
      );
      expect((error as ExceptionGroup).errors.map((e) => (e as Error).message)).toEqual(['first']);
    });
  });

  it('creating a task after the group has finished throws a RuntimeError (test_taskgroup_finished)', () => {
    runVirtual(function* () {
      let group!: TaskGroup;
      yield* taskGroup(function* (g) {
        group = g;
      });
      const coro = sleep(0);
      expect(() => group.createTask(coro)).toThrow(
        new RuntimeError('TaskGroup <TaskGroup entered> is finished'),
      );
      yield* coro;
    });
  });

  it('a group that was never entered refuses tasks (test_taskgroup_not_entered)', () => {
    const coro = sleep(0);
    expect(() => new TaskGroup().createTask(coro)).toThrow(
      new RuntimeError('TaskGroup <TaskGroup> has not been entered'),
    );
  });

  it('needs a running task (test_taskgroup_without_parent_task)', () => {
    expect(() => taskGroup(function* () {}).next()).toThrow(
      new RuntimeError('no running event loop'),
    );
    runVirtual(function* () {
      const errors: unknown[] = [];
      loop().callSoon(() => {
        try {
          taskGroup(function* () {}).next();
        } catch (e) {
          errors.push(e);
        }
      });
      yield* sleep(0.1);
      expect(errors).toEqual([
        new RuntimeError('TaskGroup <TaskGroup> cannot determine the parent task'),
      ]);
    });
  });

  it('refuses a body that is not a generator function', () => {
    runVirtual(function* () {
      const notAFunction = yield* caught(taskGroup(5 as never));
      expect(notAFunction).toEqual(
        new TypeError('taskGroup() expects a function (tg) => coroutine, got 5'),
      );
      const notACoroutine = yield* caught(taskGroup((() => 5) as never));
      expect(types(notACoroutine)).toEqual(['TypeError']);
    });
  });
});
