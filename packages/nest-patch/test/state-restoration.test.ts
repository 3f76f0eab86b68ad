import {
  allTasks,
  CancelledError,
  type Coroutine,
  currentTask,
  getRunningLoop,
  RuntimeError,
  run,
  type Task,
} from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { jumpLoop, sleep } from './support.js';

afterEach(() => revert());

class ValueError extends Error {
  override name = 'ValueError';
}

describe('after a nested run the caller finds everything as it was', () => {
  it('restores currentTask(), the running loop and isRunning() after a nested run returns', () => {
    const { loop } = jumpLoop();
    apply(loop);
    const seen: string[] = [];
    function* inner(): Coroutine<string> {
      seen.push(`inner sees ${currentTask()?.getName()}`);
      yield* sleep(1);
      return 'inner result';
    }
    function* outer(): Coroutine<string> {
      seen.push(`outer before: ${currentTask()?.getName()}`);
      const r = loop.runUntilComplete(loop.createTask(inner(), { name: 'inner' }));
      seen.push(
        `outer after: ${currentTask()?.getName()}, ${getRunningLoop() === loop}, ${loop.isRunning()}`,
      );
      yield* sleep(1);
      seen.push(`outer after a sleep: ${currentTask()?.getName()}`);
      return r;
    }
    expect(loop.runUntilComplete(loop.createTask(outer(), { name: 'outer' }))).toBe('inner result');
    expect(seen).toEqual([
      'outer before: outer',
      'inner sees inner',
      'outer after: outer, true, true',
      'outer after a sleep: outer',
    ]);
    expect(loop.isRunning()).toBe(false);
    loop.close();
  });

  it('restores currentTask() and the running loop when the nested run throws', () => {
    const { loop } = jumpLoop();
    apply(loop);
    const seen: string[] = [];
    function* failing(): Coroutine<never> {
      yield* sleep(1);
      throw new ValueError('bad value in the nested run');
    }
    function* outer(): Coroutine<string> {
      try {
        run(failing());
      } catch (error) {
        seen.push(`${(error as Error).name}: ${(error as Error).message}`);
      }
      seen.push(`current task: ${currentTask()?.getName()}, running: ${getRunningLoop() === loop}`);
      // A further step would throw "Cannot enter into task" if the state were left wrong.
      yield* sleep(1);
      return `outer still works, current task ${currentTask()?.getName()}`;
    }
    expect(loop.runUntilComplete(loop.createTask(outer(), { name: 'outer' }))).toBe(
      'outer still works, current task outer',
    );
    expect(seen).toEqual([
      'ValueError: bad value in the nested run',
      'current task: outer, running: true',
    ]);
    loop.close();
  });

  it('restores the state of the loop beneath after a nested run on another loop throws', () => {
    apply();
    const { loop: outerLoop } = jumpLoop();
    const { loop: otherLoop } = jumpLoop();
    function* failing(): Coroutine<never> {
      yield* sleep(1);
      throw new ValueError('other loop failed');
    }
    function* outer(): Coroutine<string> {
      expect(() => otherLoop.runUntilComplete(failing())).toThrow(ValueError);
      expect(otherLoop.isRunning()).toBe(false);
      yield* sleep(0);
      return `${currentTask()?.getName()} on the outer loop: ${getRunningLoop() === outerLoop}`;
    }
    expect(outerLoop.runUntilComplete(outerLoop.createTask(outer(), { name: 'outer' }))).toBe(
      'outer on the outer loop: true',
    );
    otherLoop.close();
    outerLoop.close();
  });
});

describe('stop() during a nested run', () => {
  it('ends the nested run only; the outer run goes on to its end', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    function* outer(): Coroutine<string> {
      loop.callLater(1, () => loop.stop());
      try {
        loop.runUntilComplete(sleep(10));
      } catch (error) {
        log.push(`nested: ${(error as Error).message} at ${clock.t}`);
      }
      yield* sleep(1);
      return `outer finished at ${clock.t}`;
    }
    expect(loop.runUntilComplete(outer())).toBe('outer finished at 2');
    expect(log).toEqual(['nested: Event loop stopped before Future completed. at 1']);
    loop.close();
  });

  it('ends a nested runForever, and only the innermost of two nested runs', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    function* outer(): Coroutine<void> {
      loop.callLater(1, () => {
        loop.callLater(1, () => loop.stop());
        loop.runForever();
        log.push(`inner runForever stopped at ${clock.t}`);
      });
      log.push(`level 1: ${loop.runUntilComplete(sleep(5, 'slept 5'))} at ${clock.t}`);
    }
    loop.runUntilComplete(outer());
    expect(log).toEqual(['inner runForever stopped at 2', 'level 1: slept 5 at 5']);
    loop.close();
  });

  it('keeps a stop() the outer run asked for before the nested run started', () => {
    const { loop, clock } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    loop.callSoon(() => {
      loop.stop();
      log.push(`nested: ${loop.runUntilComplete(sleep(3, 'done'))} at ${clock.t}`);
    });
    loop.callLater(10, () => log.push('never: the outer run stopped at 3'));
    loop.runForever();
    expect(log).toEqual(['nested: done at 3']);
    expect(clock.t).toBe(3);
    loop.close();
  });

  it('cancels the task of a nested run() that stop() ended, so its cleanup runs', () => {
    const { loop } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    let nestedTask: Task<unknown> | null = null;
    function* body(): Coroutine<void> {
      nestedTask = currentTask();
      try {
        yield* sleep(10);
      } catch (error) {
        log.push(`nested task got ${(error as Error).name}`);
        throw error;
      }
    }
    function* outer(): Coroutine<void> {
      loop.callLater(1, () => loop.stop());
      try {
        run(body());
      } catch (error) {
        log.push(`run(): ${(error as Error).message}`);
      }
      yield* sleep(0);
    }
    loop.runUntilComplete(outer());
    expect(log).toEqual([
      'nested task got CancelledError',
      'run(): Event loop stopped before Future completed.',
    ]);
    expect((nestedTask as Task<unknown> | null)?.cancelled()).toBe(true);
    loop.close();
  });
});

describe('the task that called a nested run stays suspended beneath it', () => {
  it('is never stepped during the nested run, even when it is cancelled meanwhile', () => {
    const { loop } = jumpLoop();
    apply(loop);
    const log: string[] = [];
    let outerTask: Task<unknown> | null = null;
    function* outer(): Coroutine<string> {
      outerTask = currentTask();
      log.push('outer: before nested run');
      loop.callLater(1, () => {
        log.push(
          `callback: outer pending ${!outerTask?.done()}, listed ${allTasks(loop).has(outerTask as Task<unknown>)}`,
        );
        log.push(`callback: cancel() -> ${outerTask?.cancel('stop outer')}`);
      });
      const r = loop.runUntilComplete(sleep(2, 'nested done'));
      log.push(`outer: after nested run: ${r}`);
      try {
        yield* sleep(1);
      } catch (error) {
        log.push(`outer: ${(error as Error).name} at its next yield`);
        throw error;
      }
      return 'unreachable';
    }
    const task = loop.createTask(outer(), { name: 'outer' });
    expect(() => loop.runUntilComplete(task)).toThrow(CancelledError);
    expect(log).toEqual([
      'outer: before nested run',
      'callback: outer pending true, listed true',
      'callback: cancel() -> true',
      'outer: after nested run: nested done',
      'outer: CancelledError at its next yield',
    ]);
    loop.close();
  });

  it('lets tasks stepped inside the nested run see themselves as the current task', () => {
    const { loop } = jumpLoop();
    apply(loop);
    const names: string[] = [];
    function* worker(): Coroutine<void> {
      for (let i = 0; i < 2; i++) {
        names.push(String(currentTask()?.getName()));
        yield* sleep(1);
      }
    }
    function* outer(): Coroutine<void> {
      const a = loop.createTask(worker(), { name: 'a' });
      const b = loop.createTask(worker(), { name: 'b' });
      loop.runUntilComplete(a);
      names.push(`back in ${currentTask()?.getName()}`);
      yield* b;
    }
    loop.runUntilComplete(loop.createTask(outer(), { name: 'outer' }));
    expect(names).toEqual(['a', 'b', 'a', 'b', 'back in outer']);
    loop.close();
  });

  it("reports a nested run inside a closed loop with asyncio's error", () => {
    const { loop } = jumpLoop();
    apply(loop);
    const { loop: closed } = jumpLoop();
    closed.close();
    function* outer(): Coroutine<void> {
      expect(() => closed.runUntilComplete(sleep(0))).toThrow(
        new RuntimeError('Event loop is closed'),
      );
      yield* sleep(0);
    }
    loop.runUntilComplete(outer());
    loop.close();
  });
});
