/**
 * Regression tests for issue 16 item 4 (deep nested runs) and item 8 (a KeyboardInterrupt
 * raised in a task escapes a nested run too), and for the one run frame: host-mode runs go
 * through the re-entry hooks like the others.
 */
import {
  allTasks,
  type Coroutine,
  EventLoop,
  getRunningLoop,
  KeyboardInterrupt,
  run,
  runAsync,
} from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { JumpClock, sleep } from './support.js';

afterEach(() => revert());

/** Nests runUntilComplete without end; `pad` frames of plain recursion make each level heavier. */
function nestForever(pad: number, seen: { depth: number; loop: EventLoop | null }) {
  function burn(k: number, f: () => number): number {
    return k === 0 ? f() : burn(k - 1, f) + 1;
  }
  function* level(depth: number): Coroutine<number> {
    const loop = getRunningLoop();
    seen.loop = loop;
    seen.depth = depth;
    return burn(pad, () => loop.runUntilComplete(level(depth + 1)));
  }
  return level(1);
}

/** Tasks of `loop` not yet done (asyncio's all_tasks). */
function pendingTasks(loop: EventLoop | null): number {
  return loop === null ? -1 : allTasks(loop).size;
}

describe('issue 16 #4: deep nested runs', () => {
  it('refuse past 256 nested runs with a RangeError, and leave no task pending', () => {
    apply();
    const seen = { depth: 0, loop: null as EventLoop | null };
    let error: unknown;
    try {
      run(nestForever(0, seen), { clock: new JumpClock() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toMatch(
      /^Maximum nested run depth exceeded: 256 runs of <EventLoop running=true closed=false debug=false> are already in progress \(at most 256\)$/,
    );
    expect(seen.depth).toBe(256);
    expect(pendingTasks(seen.loop)).toBe(0);
  });

  it('surface a real stack overflow as the RangeError it is, with no task left pending', () => {
    apply();
    const seen = { depth: 0, loop: null as EventLoop | null };
    let error: unknown;
    try {
      run(nestForever(300, seen), { clock: new JumpClock() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe('Maximum call stack size exceeded');
    expect(seen.depth).toBeLessThan(256);
    expect(pendingTasks(seen.loop)).toBe(0);
  });

  it('in a host-mode run too', async () => {
    apply();
    const seen = { depth: 0, loop: null as EventLoop | null };
    await expect(runAsync(nestForever(0, seen), { clock: new JumpClock() })).rejects.toThrow(
      /^Maximum nested run depth exceeded/,
    );
    expect(pendingTasks(seen.loop)).toBe(0);
  });
});

describe('issue 16 #8 in nested runs', () => {
  it('a KeyboardInterrupt raised in a task ends the nested run and the outer one at once', () => {
    apply();
    const trace: string[] = [];
    function* main(): Coroutine<void> {
      const loop = getRunningLoop();
      loop.setExceptionHandler(() => {});
      loop.createTask(
        (function* () {
          yield* sleep(0.01);
          throw new KeyboardInterrupt('from a task');
        })(),
      );
      try {
        loop.runUntilComplete(sleep(1));
        trace.push('nested run returned');
      } catch (error) {
        trace.push(`nested run threw ${(error as Error).name}`);
        throw error;
      }
    }
    const clock = new JumpClock();
    expect(() => run(main(), { clock })).toThrow(KeyboardInterrupt);
    expect(trace).toEqual(['nested run threw KeyboardInterrupt']);
    expect(clock.t).toBe(0.01);
  });
});

describe('one run frame: host-mode runs see the re-entry hooks', () => {
  it('loop.runUntilCompleteAsync() inside a running loop runs nested once patched', async () => {
    apply();
    const clock = new JumpClock();
    const value = await runAsync(
      function* () {
        const loop = getRunningLoop();
        const nested = loop.runUntilCompleteAsync(sleep(2, 'nested'));
        // The nested run already ran to its end, on this loop, inside this step.
        const at = loop.time();
        return `${yield nested} at ${at}`;
      },
      { clock },
    );
    expect(value).toBe('nested at 2');
  });

  it('runAsync() inside a running loop runs nested once patched', async () => {
    apply();
    const clock = new JumpClock();
    const value = run(
      function* () {
        const inner = runAsync(sleep(1, 'inner'));
        yield* sleep(1);
        return inner;
      },
      { clock },
    );
    await expect(value).resolves.toBe('inner');
    expect(clock.t).toBe(2);
  });

  it('without the patch, both refuse as before', async () => {
    const loop = new EventLoop({ clock: new JumpClock() });
    const attempts: Promise<unknown>[] = [];
    loop.runUntilComplete(
      (function* () {
        yield* sleep(0);
        attempts.push(loop.runUntilCompleteAsync(sleep(1)), runAsync(sleep(1)));
      })(),
    );
    loop.close();
    const outcomes = await Promise.allSettled(attempts);
    expect(
      outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o)),
    ).toEqual([
      'This event loop is already running',
      'runAsync() cannot be called from a running event loop',
    ]);
  });
});
