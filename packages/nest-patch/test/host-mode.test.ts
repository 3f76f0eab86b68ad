import { type Coroutine, RuntimeError, run, runAsync } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { JumpClock, sleep } from './support.js';

afterEach(() => revert());

describe('nested runs inside a host-mode run (runAsync)', () => {
  it('run() nested in a task of runAsync() runs on that loop and returns synchronously', async () => {
    apply();
    const clock = new JumpClock();
    function* main(): Coroutine<string> {
      const nested = run(sleep(2, 'nested value'));
      yield* sleep(1);
      return `${nested} at ${clock.t}`;
    }
    await expect(runAsync(main(), { clock })).resolves.toBe('nested value at 3');
  });

  it('says that a native promise cannot settle during a nested run, instead of hanging', async () => {
    apply();
    let thrown: unknown;
    function* main(): Coroutine<void> {
      try {
        run(
          (function* () {
            return (yield Promise.resolve(1)) as number;
          })(),
        );
      } catch (error) {
        thrown = error;
      }
      yield* sleep(0);
    }
    await runAsync(main(), { clock: new JumpClock() });
    expect(thrown).toBeInstanceOf(RuntimeError);
    expect((thrown as Error).message).toMatch(
      /^Event loop would block forever: nested runUntilComplete\(\) waits on <Task pending name='Task-\d+' wait_for=<Future pending cb=\[Task\.task_wakeup\(\)\]> cb=\[stopLoopOf\(\)\]>, which only a suspended outer frame \(task <Task pending name='Task-\d+' cb=\[stopLoopOf\(\)\]>\) could finish; .* \(the loop runs in host mode, but a nested run blocks the thread: native promises cannot settle before it returns\) \(deadlock\)$/,
    );
  });
});
