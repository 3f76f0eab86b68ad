import * as coreLoop from '@asyncio-ts/core-loop';
import { getRunningLoop, RuntimeError, run } from '@asyncio-ts/core-loop';
import { apply, isApplied, revert } from '@asyncio-ts/nest-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { jumpLoop, sleep } from './support.js';

afterEach(() => revert());

/** Runs `body` inside a task on a fresh loop and returns what it threw (or undefined). */
function thrownInsideTask(body: () => void): unknown {
  const { loop } = jumpLoop();
  let caught: unknown;
  loop.runUntilComplete(
    (function* () {
      try {
        body();
      } catch (error) {
        caught = error;
      }
      yield* sleep(0);
    })(),
  );
  loop.close();
  return caught;
}

describe('without apply(), nesting is refused with asyncio errors', () => {
  it('run() inside a running loop throws "run() cannot be called from a running event loop"', () => {
    const error = thrownInsideTask(() => run(sleep(0)));
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toBe('run() cannot be called from a running event loop');
  });

  it('runUntilComplete() on the running loop throws "This event loop is already running"', () => {
    const error = thrownInsideTask(() => getRunningLoop().runUntilComplete(sleep(0)));
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toBe('This event loop is already running');
  });

  it('runForever() on the running loop throws "This event loop is already running"', () => {
    const error = thrownInsideTask(() => getRunningLoop().runForever());
    expect((error as Error).message).toBe('This event loop is already running');
  });

  it("running another loop inside a running one throws asyncio's error", () => {
    const { loop: other } = jumpLoop();
    const error = thrownInsideTask(() => other.runUntilComplete(sleep(0)));
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toBe(
      'Cannot run the event loop while another loop is running',
    );
    other.close();
  });

  it('apply(loop) leaves every other loop refusing', () => {
    const { loop: patched } = jumpLoop();
    apply(patched);
    const error = thrownInsideTask(() => run(sleep(0)));
    expect((error as Error).message).toBe('run() cannot be called from a running event loop');
    patched.close();
  });
});

describe('isApplied() and revert()', () => {
  it('tells which loops are patched after apply(), apply(loop) and revert(loop)', () => {
    const { loop: a } = jumpLoop();
    const { loop: b } = jumpLoop();
    expect([isApplied(), isApplied(a), isApplied(b)]).toEqual([false, false, false]);
    apply(a);
    expect([isApplied(), isApplied(a), isApplied(b)]).toEqual([false, true, false]);
    apply();
    expect([isApplied(), isApplied(a), isApplied(b)]).toEqual([true, true, true]);
    revert(b);
    expect([isApplied(), isApplied(a), isApplied(b)]).toEqual([true, true, false]);
    revert();
    expect([isApplied(), isApplied(a), isApplied(b)]).toEqual([false, false, false]);
  });

  it('revert() brings back the refusal after a nested run worked', () => {
    apply();
    const { loop } = jumpLoop();
    const outcomes: string[] = [];
    loop.runUntilComplete(
      (function* () {
        outcomes.push(String(run(sleep(1, 'nested ok'))));
        revert();
        try {
          run(sleep(1, 'unreachable'));
        } catch (error) {
          outcomes.push(`${(error as Error).name}: ${(error as Error).message}`);
        }
      })(),
    );
    loop.close();
    expect(outcomes).toEqual([
      'nested ok',
      'RuntimeError: run() cannot be called from a running event loop',
    ]);
  });

  it('rejects something that is not a loop with a TypeError naming what it got', () => {
    expect(() => apply(42 as never)).toThrow(
      new TypeError('apply() expected an EventLoop or no argument, got number'),
    );
    expect(() => isApplied({} as never)).toThrow(TypeError);
  });

  it("patches through core-loop's hooks without reassigning its exports", () => {
    const before = { run: coreLoop.run, EventLoop: coreLoop.EventLoop };
    const runUntilComplete = coreLoop.EventLoop.prototype.runUntilComplete;
    apply();
    expect(coreLoop.run).toBe(before.run);
    expect(coreLoop.EventLoop).toBe(before.EventLoop);
    expect(coreLoop.EventLoop.prototype.runUntilComplete).toBe(runUntilComplete);
  });
});
