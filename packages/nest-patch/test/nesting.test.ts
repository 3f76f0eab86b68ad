import {
  type Coroutine,
  currentTask,
  type Future,
  getRunningLoop,
  run,
} from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { jumpLoop, sleep } from './support.js';

afterEach(() => revert());

describe('nested runs', () => {
  it('nest 200 levels deep, each level a task that sleeps, and unwind in order', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const depthReached: number[] = [];
    function* level(depth: number): Coroutine<number> {
      yield* sleep(0.001);
      depthReached.push(depth);
      if (depth === 200) return depth;
      return loop.runUntilComplete(level(depth + 1));
    }
    expect(loop.runUntilComplete(level(1))).toBe(200);
    expect(depthReached).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(clock.t).toBeCloseTo(0.2, 9);
    expect(loop.isRunning()).toBe(false);
    loop.close();
  });

  it('nest run() inside run() from tasks, 50 deep, all on the running loop', () => {
    apply();
    const { loop } = jumpLoop();
    function* level(depth: number): Coroutine<string> {
      yield* sleep(0.5);
      if (depth === 50) return `bottom at ${getRunningLoop().time()}`;
      return run(level(depth + 1));
    }
    expect(loop.runUntilComplete(level(1))).toBe('bottom at 25');
    loop.close();
  });

  it('runs nested runs from plain callbacks: callSoon, callLater and a done callback', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const events: string[] = [];
    loop.callSoon(() => {
      events.push(`callSoon: ${loop.runUntilComplete(sleep(1, 'a'))} at ${clock.t}`);
    });
    loop.callLater(5, () => {
      events.push(`callLater: ${loop.runUntilComplete(sleep(1, 'b'))} at ${clock.t}`);
      const fut = loop.createFuture<string>();
      fut.addDoneCallback((f) => {
        const inner = loop.runUntilComplete(sleep(1, `${f.result()} then c`));
        events.push(`done callback: ${inner} at ${clock.t}`);
        loop.stop();
      });
      loop.callLater(0.5, () => fut.setResult('resolved'));
    });
    loop.runForever();
    expect(events).toEqual([
      'callSoon: a at 1',
      'callLater: b at 6',
      'done callback: resolved then c at 7.5',
    ]);
    loop.close();
  });

  it("lets a nested run take the entries its caller's iteration had counted, running each once", () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    loop.callSoon(() => {
      log.push('a starts');
      loop.runUntilComplete(sleep(1));
      log.push(`a ends at ${clock.t}`);
      loop.callSoon(() => log.push('d'));
    });
    loop.callSoon(() => log.push('b'));
    loop.callSoon(() => log.push('c'));
    loop.callLater(2, () => loop.stop());
    loop.runForever();
    // The same order as nest_asyncio 1.5: b and c run inside a's nested run, d once after.
    expect(log).toEqual(['a starts', 'b', 'c', 'a ends at 1', 'd']);
    expect(clock.t).toBe(2);
    loop.close();
  });

  it('nests a run from a callback on top of a nested run started by a task', () => {
    const { loop } = jumpLoop();
    apply(loop);
    const seen: string[] = [];
    function* outer(): Coroutine<string> {
      const fromCallback = loop.createFuture<string>();
      loop.callSoon(() => {
        seen.push(`callback sees current task ${currentTask()}`);
        fromCallback.setResult(loop.runUntilComplete(sleep(1, 'inner')));
      });
      return loop.runUntilComplete(fromCallback);
    }
    expect(loop.runUntilComplete(loop.createTask(outer(), { name: 'outer' }))).toBe('inner');
    expect(seen).toEqual(['callback sees current task null']);
    loop.close();
  });

  it('keeps other tasks and timers progressing while a task is inside a nested run', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    function* ticker(): Coroutine<void> {
      for (let i = 0; i < 4; i++) {
        log.push(`tick ${i} at ${clock.t}`);
        yield* sleep(1);
      }
    }
    function* main(): Coroutine<void> {
      loop.createTask(ticker());
      loop.callLater(2.5, () => log.push(`timer at ${clock.t}`));
      yield* sleep(0);
      log.push(`nested starts at ${clock.t}`);
      const r = loop.runUntilComplete(sleep(3, 'nested result'));
      log.push(`${r} at ${clock.t}`);
      yield* sleep(2);
      log.push(`main ends at ${clock.t}`);
    }
    loop.runUntilComplete(main());
    expect(log).toEqual([
      'tick 0 at 0',
      'nested starts at 0',
      'tick 1 at 1',
      'tick 2 at 2',
      'timer at 2.5',
      'tick 3 at 3',
      'nested result at 3',
      'main ends at 5',
    ]);
    loop.close();
  });

  it('runs another loop inside a running one and restores the running loop after', () => {
    apply();
    const { loop: outerLoop } = jumpLoop();
    const { loop: otherLoop, clock: otherClock } = jumpLoop();
    const seen: unknown[] = [];
    function* onOther(): Coroutine<string> {
      seen.push(getRunningLoop() === otherLoop, outerLoop.isRunning(), otherLoop.isRunning());
      yield* sleep(4);
      return 'other loop done';
    }
    function* main(): Coroutine<string> {
      const r = otherLoop.runUntilComplete(onOther());
      seen.push(getRunningLoop() === outerLoop, otherLoop.isRunning());
      return r;
    }
    expect(outerLoop.runUntilComplete(main())).toBe('other loop done');
    expect(seen).toEqual([true, true, true, true, false]);
    expect(otherClock.t).toBe(4);
    otherLoop.close();
    outerLoop.close();
  });

  it('re-enters the outer loop from a task of another loop nested inside it', () => {
    apply();
    const { loop: a } = jumpLoop();
    const { loop: b } = jumpLoop();
    const trail: string[] = [];
    function* onA(): Coroutine<string> {
      trail.push(`on a, running loop is a: ${getRunningLoop() === a}`);
      yield* sleep(1);
      return 'a again';
    }
    function* onB(): Coroutine<string> {
      yield* sleep(1);
      const r = a.runUntilComplete(onA());
      trail.push(`back on b: ${getRunningLoop() === b}`);
      return r;
    }
    function* main(): Coroutine<string> {
      const r = b.runUntilComplete(onB());
      trail.push(`back on a: ${getRunningLoop() === a}`);
      return r;
    }
    expect(a.runUntilComplete(main())).toBe('a again');
    expect(trail).toEqual(['on a, running loop is a: true', 'back on b: true', 'back on a: true']);
    b.close();
    a.close();
  });

  it('runs a nested runForever until stop() and returns to the caller', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    function* main(): Coroutine<string> {
      loop.callLater(3, () => loop.stop());
      loop.runForever();
      return `runForever returned at ${clock.t}`;
    }
    expect(loop.runUntilComplete(main())).toBe('runForever returned at 3');
    loop.close();
  });

  it("returns a done future's result at once, without running an iteration", () => {
    const { loop } = jumpLoop();
    apply(loop);
    const ran: string[] = [];
    function* main(): Coroutine<number> {
      const fut: Future<number> = loop.createFuture();
      fut.setResult(7);
      loop.callSoon(() => ran.push('callSoon'));
      const v = loop.runUntilComplete(fut);
      ran.push('after nested');
      return v;
    }
    expect(loop.runUntilComplete(main())).toBe(7);
    expect(ran).toEqual(['after nested', 'callSoon']);
    loop.close();
  });
});
