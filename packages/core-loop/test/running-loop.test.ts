import { afterEach, describe, expect, it } from 'vitest';
import {
  EventLoop,
  ensureFuture,
  Future,
  getEventLoop,
  getRunningLoop,
  isCoroutine,
  newEventLoop,
  RuntimeError,
  setEventLoop,
  Task,
} from '../src/index.js';
import { registry } from '../src/registry.js';
import { jumpLoop, sleep, thrown } from './support.js';

afterEach(() => {
  const current = registry.current;
  setEventLoop(null);
  if (current !== null && !current.isClosed()) current.close();
});

describe('getEventLoop / setEventLoop / newEventLoop', () => {
  it('getEventLoop returns the running loop inside callbacks', () => {
    const { loop } = jumpLoop();
    const other = jumpLoop().loop;
    setEventLoop(other);
    let seen: EventLoop | null = null;
    loop.callSoon(() => {
      seen = getEventLoop();
      loop.stop();
    });
    loop.runForever();
    expect(seen).toBe(loop);
    loop.close();
  });

  it('outside a loop returns the loop set with setEventLoop', () => {
    const { loop } = jumpLoop();
    setEventLoop(loop);
    expect(getEventLoop()).toBe(loop);
    expect(getEventLoop()).toBe(loop);
  });

  it('makes (and sets) a loop when none is set, and a new one once it is closed', () => {
    setEventLoop(null);
    const first = getEventLoop();
    expect(first).toBeInstanceOf(EventLoop);
    expect(getEventLoop()).toBe(first);
    first.close();
    const second = getEventLoop();
    expect(second).not.toBe(first);
    expect(second.isClosed()).toBe(false);
  });

  it('newEventLoop makes a fresh loop that is not running', () => {
    const a = newEventLoop();
    const b = newEventLoop();
    expect(a).not.toBe(b);
    expect(a.isRunning()).toBe(false);
    expect(registry.current).not.toBe(a);
    a.close();
    b.close();
  });

  it('getRunningLoop throws outside a loop', () => {
    const error = thrown(() => getRunningLoop());
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe('no running event loop');
  });
});

describe('ensureFuture and isCoroutine', () => {
  it('returns futures and tasks as they are; wraps coroutines in a task', () => {
    const { loop } = jumpLoop();
    const fut = loop.createFuture();
    expect(ensureFuture(fut)).toBe(fut);
    expect(ensureFuture(fut, { loop })).toBe(fut);
    const task = ensureFuture(sleep(1, 'v'), { loop });
    expect(task).toBeInstanceOf(Task);
    expect(loop.runUntilComplete(task)).toBe('v');
    loop.close();
  });

  it('uses the current loop when no loop is given', () => {
    const { loop } = jumpLoop();
    setEventLoop(loop);
    const task = ensureFuture(sleep(1));
    expect(task.getLoop()).toBe(loop);
    loop.runUntilComplete(task);
  });

  it('refuses a future of another loop, and what is not awaitable', () => {
    const { loop } = jumpLoop();
    const other = jumpLoop().loop;
    const e1 = thrown(() => ensureFuture(new Future({ loop: other }), { loop }));
    expect(e1).toBeInstanceOf(RangeError); // asyncio's ValueError
    expect(e1.message).toBe(
      'The future belongs to a different loop than the one specified as the loop argument',
    );
    const e2 = thrown(() => ensureFuture([1, 2] as never, { loop }));
    expect(e2).toBeInstanceOf(TypeError);
    expect(e2.message).toBe(
      'An asyncio-ts Future, a coroutine or an awaitable is required, got [1, 2]',
    );
    loop.close();
    other.close();
  });

  it('isCoroutine is true for generator objects only', () => {
    const { loop } = jumpLoop();
    expect(isCoroutine((function* () {})())).toBe(true);
    expect(isCoroutine(function* () {})).toBe(false);
    expect(isCoroutine(loop.createFuture())).toBe(false);
    expect(isCoroutine([1])).toBe(false);
    expect(isCoroutine(null)).toBe(false);
    loop.close();
  });
});
