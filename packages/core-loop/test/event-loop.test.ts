import { afterEach, describe, expect, it } from 'vitest';
import { EventLoop, getRunningLoop, type Handle, RuntimeError, Task } from '../src/index.js';
import { registry } from '../src/registry.js';
import { jumpLoop, sleep, thrown } from './support.js';

afterEach(() => {
  expect(registry.running).toBe(null);
});

describe('callSoon', () => {
  it('replays reference/examples/ordering_basics.py exactly', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const print = (text: string) => out.push(text);
    function a(): void {
      print('a');
      loop.callSoon(print, 'added by a: next iteration');
    }
    loop.callLater(0.002, print, 'timer 2ms');
    loop.callLater(0.001, print, 'timer 1ms');
    loop.callSoon(a);
    loop.callSoon(print, 'b');
    loop.callLater(0.003, () => loop.stop());
    loop.runForever();
    loop.close();
    expect(out).toEqual(['a', 'b', 'added by a: next iteration', 'timer 1ms', 'timer 2ms']);
  });

  it('runs callbacks in FIFO order with their arguments', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    for (let i = 0; i < 5; i++)
      loop.callSoon((n: number, s: string) => out.push(`${s}${n}`), i, 'cb');
    loop.callSoon(() => loop.stop());
    loop.runForever();
    expect(out).toEqual(['cb0', 'cb1', 'cb2', 'cb3', 'cb4']);
    loop.close();
  });

  it('runs callbacks added during an iteration in the next iteration', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    loop.callSoon(() => {
      out.push('a');
      loop.callSoon(() => out.push('added by a'));
    });
    loop.callSoon(() => {
      out.push('b');
      loop.callSoon(() => out.push('added by b'));
    });
    loop.callSoon(() => out.push('c'));
    // One iteration: only a, b, c run; a second iteration runs what they added.
    loop.stop();
    loop.runForever();
    expect(out).toEqual(['a', 'b', 'c']);
    loop.stop();
    loop.runForever();
    expect(out).toEqual(['a', 'b', 'c', 'added by a', 'added by b']);
    loop.close();
  });

  it('runs a callSoon before a callLater(0) scheduled at the same moment', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    loop.callSoon(() => {
      loop.callLater(0, () => out.push('later(0)'));
      loop.callSoon(() => out.push('soon'));
      loop.callLater(0, () => loop.stop());
    });
    loop.runForever();
    expect(out).toEqual(['soon', 'later(0)']);
    loop.close();
  });

  it('never runs a cancelled handle', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const h = loop.callSoon(() => out.push('cancelled one'));
    loop.callSoon(() => out.push('first'));
    h.cancel();
    // Cancelled by an earlier callback of the same iteration: still skipped.
    let later: Handle | null = null;
    loop.callSoon(() => later?.cancel());
    later = loop.callSoon(() => out.push('cancelled during the iteration'));
    loop.callSoon(() => loop.stop());
    loop.runForever();
    expect(out).toEqual(['first']);
    expect(h.cancelled()).toBe(true);
    loop.close();
  });

  it('rejects what is not a function, and generator functions', () => {
    const { loop } = jumpLoop();
    const e1 = thrown(() => loop.callSoon(42 as never));
    expect(e1).toBeInstanceOf(TypeError);
    expect(e1.message).toBe('a callable object was expected by callSoon(), got 42');
    const e2 = thrown(() => loop.callSoon(function* gen() {} as never));
    expect(e2).toBeInstanceOf(TypeError);
    expect(e2.message).toBe('coroutines cannot be used with callSoon()');
    const e3 = thrown(() => loop.callLater(1, 'x' as never));
    expect(e3).toBeInstanceOf(TypeError);
    expect(e3.message).toBe("a callable object was expected by callLater(), got 'x'");
    loop.close();
  });
});

describe('timers', () => {
  it('fire by deadline, ties in scheduling order, at their exact time', () => {
    const { loop, clock } = jumpLoop();
    const out: string[] = [];
    const note = (name: string) => () => out.push(`${name}@${loop.time()}`);
    loop.callLater(2, note('c'));
    loop.callLater(1, note('a'));
    loop.callLater(1, note('b'));
    loop.callAt(1.5, note('at 1.5'));
    loop.callLater(0.5, note('d'));
    loop.callLater(3, () => loop.stop());
    loop.runForever();
    expect(out).toEqual(['d@0.5', 'a@1', 'b@1', 'at 1.5@1.5', 'c@2']);
    expect(clock.idles).toEqual([0.5, 1, 1.5, 2, 3]);
    loop.close();
  });

  it('treats a negative delay as now, and a deadline in the past as due', () => {
    const { loop } = jumpLoop({ start: 10 });
    const out: string[] = [];
    loop.callLater(-5, () => out.push(`negative@${loop.time()}`));
    loop.callAt(3, () => out.push(`past@${loop.time()}`));
    loop.callSoon(() => out.push('soon'));
    loop.callLater(0, () => loop.stop());
    loop.runForever();
    // Both are due; the earlier deadline (3 < 10 - 5) runs first.
    expect(out).toEqual(['soon', 'past@10', 'negative@10']);
    loop.close();
  });

  it('rejects NaN and non-numbers with a TypeError', () => {
    const { loop } = jumpLoop();
    const e1 = thrown(() => loop.callLater(Number.NaN, () => {}));
    expect(e1).toBeInstanceOf(TypeError);
    expect(e1.message).toBe('callLater() delay must be a number of seconds, got NaN');
    const e2 = thrown(() => loop.callLater('1' as never, () => {}));
    expect(e2).toBeInstanceOf(TypeError);
    expect(e2.message).toBe("callLater() delay must be a number of seconds, got '1'");
    const e3 = thrown(() => loop.callAt(null as never, () => {}));
    expect(e3).toBeInstanceOf(TypeError);
    expect(e3.message).toBe('callAt() when must be a number of seconds, got null');
    loop.close();
  });

  it('never runs a cancelled timer, even one cancelled in the iteration that made it due', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    const t1 = loop.callLater(1, () => out.push('t1'));
    loop.callLater(1, () => {
      out.push('t2');
      t3.cancel();
    });
    const t3 = loop.callLater(1, () => out.push('t3'));
    loop.callLater(0.5, () => t1.cancel());
    loop.callLater(2, () => loop.stop());
    loop.runForever();
    expect(out).toEqual(['t2']);
    expect(t1.cancelled()).toBe(true);
    loop.close();
  });

  it('reports when() as the absolute deadline on the loop clock', () => {
    const { loop } = jumpLoop({ start: 100 });
    const t = loop.callLater(2.5, () => {});
    expect(t.when()).toBe(102.5);
    expect(loop.callAt(7, () => {}).when()).toBe(7);
    loop.close();
  });
});

describe('runForever and stop', () => {
  it('runs one iteration when stop() was called before it', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    loop.callSoon(() => {
      out.push('1');
      loop.callSoon(() => out.push('2'));
    });
    loop.stop();
    loop.runForever();
    expect(out).toEqual(['1']);
    expect(loop.isRunning()).toBe(false);
    loop.close();
  });

  it('finishes the current iteration after stop()', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    loop.callSoon(() => {
      out.push('stopper');
      loop.stop();
    });
    loop.callSoon(() => out.push('same iteration'));
    loop.callSoon(() => loop.callSoon(() => out.push('next iteration')));
    loop.runForever();
    expect(out).toEqual(['stopper', 'same iteration']);
    loop.stop();
    loop.runForever();
    expect(out).toEqual(['stopper', 'same iteration', 'next iteration']);
    loop.close();
  });

  it('is the running loop only while it runs', () => {
    const { loop } = jumpLoop();
    let seen: EventLoop | null = null;
    let running = false;
    loop.callSoon(() => {
      seen = getRunningLoop();
      running = loop.isRunning();
      loop.stop();
    });
    expect(loop.isRunning()).toBe(false);
    loop.runForever();
    expect(seen).toBe(loop);
    expect(running).toBe(true);
    expect(thrown(() => getRunningLoop()).message).toBe('no running event loop');
    loop.close();
  });

  it('refuses to run while it, or another loop, is running', () => {
    const { loop } = jumpLoop();
    const other = jumpLoop().loop;
    const errors: string[] = [];
    loop.callSoon(() => {
      errors.push(thrown(() => loop.runForever()).message);
      errors.push(thrown(() => loop.runUntilComplete(loop.createFuture())).message);
      errors.push(thrown(() => other.runForever()).message);
      errors.push(thrown(() => other.runUntilComplete(other.createFuture())).message);
      loop.stop();
    });
    loop.runForever();
    expect(errors).toEqual([
      'This event loop is already running',
      'This event loop is already running',
      'Cannot run the event loop while another loop is running',
      'Cannot run the event loop while another loop is running',
    ]);
    loop.close();
    other.close();
  });

  it('throws a deadlock RuntimeError when runForever has nothing scheduled', () => {
    const { loop } = jumpLoop();
    const error = thrown(() => loop.runForever());
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe(
      'Event loop would block forever: runForever() has nothing scheduled, but no callback is ready, no timer is scheduled and nothing outside the loop can wake it (deadlock)',
    );
    expect(loop.isRunning()).toBe(false);
    loop.close();
  });

  it('names a timer due at Infinity in the deadlock error instead of saying there is none', () => {
    const { loop } = jumpLoop();
    loop.callLater(Number.POSITIVE_INFINITY, () => {});
    expect(thrown(() => loop.runForever()).message).toBe(
      'Event loop would block forever: runForever() has nothing scheduled, but no callback is ready, the only timers are due at Infinity and nothing outside the loop can wake it (deadlock)',
    );
    loop.close();
  });
});

describe('runUntilComplete', () => {
  it('returns the result of a coroutine, wrapped in a task', () => {
    const { loop } = jumpLoop();
    let task: Task<unknown> | null = null;
    const value = loop.runUntilComplete(
      (function* () {
        task = loop._currentTask;
        yield* sleep(1);
        return 'done';
      })(),
    );
    expect(value).toBe('done');
    expect(task).toBeInstanceOf(Task);
    expect(loop.time()).toBe(1);
    loop.close();
  });

  it('throws the exception of the future', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture<number>();
    loop.callLater(1, () => fut.setException(new RangeError('bad')));
    const error = thrown(() => loop.runUntilComplete(fut));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe('bad');
    loop.close();
  });

  it('returns a future result set by a timer, and leaves later timers alone', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture<number>();
    const out: string[] = [];
    loop.callLater(1, () => fut.setResult(7));
    loop.callLater(2, () => out.push('later'));
    expect(loop.runUntilComplete(fut)).toBe(7);
    expect(out).toEqual([]);
    expect(loop.runUntilComplete(loop.createTask(sleep(5, 'x')))).toBe('x');
    expect(out).toEqual(['later']);
    loop.close();
  });

  it("refuses a future of another loop with asyncio's message", () => {
    const { loop } = jumpLoop();
    const other = jumpLoop().loop;
    const error = thrown(() => loop.runUntilComplete(other.createFuture()));
    expect(error).toBeInstanceOf(RangeError); // asyncio's ValueError
    expect(error.message).toBe(
      'The future belongs to a different loop than the one specified as the loop argument',
    );
    loop.close();
    other.close();
  });

  it("says 'Event loop stopped before Future completed.' when stopped early", () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    loop.callLater(1, () => loop.stop());
    const error = thrown(() => loop.runUntilComplete(fut));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe('Event loop stopped before Future completed.');
    expect(fut.done()).toBe(false);
    loop.close();
  });

  it('names the task and the future it waits on when it would block forever', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    const task = loop.createTask(
      (function* () {
        yield* fut;
      })(),
      { name: 'stuck' },
    );
    const error = thrown(() => loop.runUntilComplete(task));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe(
      "Event loop would block forever: runUntilComplete() waits on <Task pending name='stuck' wait_for=<Future pending cb=[Task.task_wakeup()]> cb=[stopLoopOf()]>, but no callback is ready, no timer is scheduled and nothing outside the loop can wake it (deadlock)",
    );
    task.cancel();
    loop.runUntilComplete(
      (function* () {
        yield;
      })(),
    );
    expect(task.cancelled()).toBe(true);
    loop.close();
  });

  it('accepts any awaitable (an object with [Symbol.iterator])', () => {
    const { loop } = jumpLoop();
    const awaitable = {
      *[Symbol.iterator]() {
        yield* sleep(2);
        return 42;
      },
    };
    expect(loop.runUntilComplete(awaitable)).toBe(42);
    expect(loop.time()).toBe(2);
    loop.close();
  });

  it('rejects what is not awaitable with a TypeError', () => {
    const { loop } = jumpLoop();
    const error = thrown(() => loop.runUntilComplete(42 as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      'An asyncio-ts Future, a coroutine or an awaitable is required, got 42',
    );
    loop.close();
  });
});

describe('close', () => {
  it('refuses to close a running loop', () => {
    const { loop } = jumpLoop();
    let message = '';
    loop.callSoon(() => {
      message = thrown(() => loop.close()).message;
      loop.stop();
    });
    loop.runForever();
    expect(message).toBe('Cannot close a running event loop');
    loop.close();
  });

  it('drops pending callbacks and timers; closing twice is fine', () => {
    const { loop } = jumpLoop();
    const out: string[] = [];
    loop.callSoon(() => out.push('soon'));
    const timer = loop.callLater(1, () => out.push('timer'));
    expect(loop.isClosed()).toBe(false);
    loop.close();
    loop.close();
    expect(loop.isClosed()).toBe(true);
    expect(loop._ready.length).toBe(0);
    expect(loop._timers.size).toBe(0);
    expect(timer.cancelled()).toBe(false);
    expect(out).toEqual([]);
  });

  it("refuses everything that schedules after close with 'Event loop is closed'", () => {
    const { loop } = jumpLoop();
    loop.close();
    const calls: [string, () => unknown][] = [
      ['callSoon', () => loop.callSoon(() => {})],
      ['callLater', () => loop.callLater(1, () => {})],
      ['callAt', () => loop.callAt(1, () => {})],
      ['callSoonThreadsafe', () => loop.callSoonThreadsafe(() => {})],
      ['runForever', () => loop.runForever()],
      ['runUntilComplete', () => loop.runUntilComplete(loop.createFuture())],
      ['createTask', () => loop.createTask((function* () {})())],
    ];
    for (const [name, call] of calls) {
      const error = thrown(call);
      expect(error, name).toBeInstanceOf(RuntimeError);
      expect(error.message, name).toBe('Event loop is closed');
    }
    // As in asyncio, a future can still be made (it just cannot be awaited).
    expect(loop.createFuture().done()).toBe(false);
  });
});

describe('misc', () => {
  it('reads time from its clock', () => {
    const { loop, clock } = jumpLoop({ start: 5 });
    expect(loop.time()).toBe(5);
    clock.advance(1.25);
    expect(loop.time()).toBe(6.25);
    expect(loop.getClock()).toBe(clock);
    loop.close();
  });

  it('has an asyncio-like toString', () => {
    const { loop } = jumpLoop();
    expect(String(loop)).toBe('<EventLoop running=false closed=false debug=false>');
    let inside = '';
    loop.callSoon(() => {
      inside = String(loop);
      loop.stop();
    });
    loop.setDebug(true);
    loop.runForever();
    expect(inside).toBe('<EventLoop running=true closed=false debug=true>');
    loop.close();
    expect(String(loop)).toBe('<EventLoop running=false closed=true debug=true>');
  });
});

describe('on the real clock', () => {
  it('blocks until the next timer without burning the CPU, and never fires early', () => {
    const loop = new EventLoop();
    const late: number[] = [];
    for (const d of [0.03, 0.01, 0.02, 0.04]) {
      const deadline = loop.time() + d;
      loop.callLater(d, () => late.push(loop.time() - deadline));
    }
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    loop.callLater(0.05, () => loop.stop());
    loop.runForever();
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    loop.close();
    expect(late).toHaveLength(4);
    for (const l of late) expect(l).toBeGreaterThanOrEqual(-1e-6);
    // Generous bound (a shared machine); the bench measures the real lateness.
    for (const l of late) expect(l).toBeLessThan(0.05);
    expect(wall).toBeGreaterThanOrEqual(0.049);
    // A busy loop would spend ~all of the 50 ms on the CPU.
    expect(cpuSeconds).toBeLessThan(wall * 0.6);
  });
});
