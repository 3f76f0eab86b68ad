/**
 * The scenarios of nest_asyncio's own test suite (tests/nest_test.py), restated for
 * asyncio-ts: each runs on a loop patched with apply(loop), on a jumping clock.
 */
import {
  type Coroutine,
  type EventLoop,
  getEventLoop,
  getRunningLoop,
  run,
  setEventLoop,
  TimeoutError,
} from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatherAll, type JumpClock, jumpLoop, sleep, waitAll, waitFor } from './support.js';

let loop: EventLoop;
let clock: JumpClock;

beforeEach(() => {
  ({ loop, clock } = jumpLoop());
  apply(loop);
  setEventLoop(loop);
});

afterEach(() => {
  // As nest_test's tearDown: no loop is left running once the outermost run is over.
  expect(() => getRunningLoop()).toThrow('no running event loop');
  loop.close();
  setEventLoop(null);
  revert();
});

function* fortyTwo(): Coroutine<number> {
  yield* sleep(0.01);
  return 42;
}

describe('nest_asyncio scenarios', () => {
  it('nests runUntilComplete two levels deep and agrees with a plain yield*', () => {
    function* f1(): Coroutine<number> {
      const nested = loop.runUntilComplete(fortyTwo());
      const awaited = yield* fortyTwo();
      expect(awaited).toBe(nested);
      return nested;
    }
    function* f2(): Coroutine<number> {
      const nested = loop.runUntilComplete(f1());
      const awaited = yield* f1();
      expect(awaited).toBe(nested);
      return nested;
    }
    expect(loop.runUntilComplete(f2())).toBe(42);
    // f2: nested f1 (two sleeps) + awaited f1 (two sleeps) = four 10 ms sleeps in a row.
    expect(clock.t).toBeCloseTo(0.04, 9);
  });

  it('runs a task made with createTask to completion in a nested run', () => {
    function* f(): Coroutine<number> {
      const task = getRunningLoop().createTask(fortyTwo());
      return loop.runUntilComplete(task);
    }
    expect(loop.runUntilComplete(f())).toBe(42);
  });

  it('runs wait([task]) in a nested run and reads the result from the done set', () => {
    function* f(): Coroutine<number> {
      const task = getRunningLoop().createTask(fortyTwo());
      const [done, pending] = loop.runUntilComplete(waitAll([task]));
      expect(pending.size).toBe(0);
      const [first] = [...done];
      return first?.result() as number;
    }
    expect(loop.runUntilComplete(f())).toBe(42);
  });

  it('lets a TimeoutError from waitFor in a nested run() reach the outer runUntilComplete', () => {
    function* f1(): Coroutine<void> {
      yield* sleep(0.1);
    }
    function* f2(): Coroutine<void> {
      run(waitFor(f1(), 0.01));
    }
    expect(() => loop.runUntilComplete(f2())).toThrow(TimeoutError);
    expect(clock.t).toBeCloseTo(0.01, 9);
  });

  it('runs two nested runUntilComplete calls from tasks of one gather', () => {
    function* f1(): Coroutine<number> {
      loop.runUntilComplete(sleep(0.02));
      return 4;
    }
    function* f2(): Coroutine<number> {
      loop.runUntilComplete(sleep(0.01));
      return 2;
    }
    expect(loop.runUntilComplete(gatherAll([f1(), f2()]))).toEqual([4, 2]);
    expect(clock.t).toBeCloseTo(0.02, 9);
  });

  it('run() outside any loop uses and closes a new loop; a nested run uses the running one', () => {
    function* loopOf(): Coroutine<EventLoop> {
      yield* sleep(0);
      return getEventLoop();
    }
    const runLoop = run(loopOf());
    expect(runLoop).not.toBe(loop);
    expect(runLoop.isClosed()).toBe(true);
    expect(loop.isClosed()).toBe(false);
    setEventLoop(loop);
    expect(loop.runUntilComplete(loopOf())).toBe(loop);
    function* nestedRunLoop(): Coroutine<EventLoop> {
      return run(loopOf());
    }
    expect(loop.runUntilComplete(nestedRunLoop())).toBe(loop);
    expect(loop.isClosed()).toBe(false);
  });
});
