import {
  awaitPromise,
  type Coroutine,
  createTask,
  getRunningLoop,
  RuntimeError,
  run,
  runAsync,
} from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from './support.js';

afterEach(() => revert());

describe('createTask and awaitPromise inside nested runs', () => {
  it('createTask in a nested run() starts the task on the one running loop', () => {
    apply();
    const result = run(function* () {
      const outer = getRunningLoop();
      yield* sleep(0);
      return run(function* (): Coroutine<string> {
        const task = createTask(sleep(0.01, 'nested'), { name: 'inner' });
        expect(task.getLoop()).toBe(outer);
        return yield* task;
      });
    });
    expect(result).toBe('nested');
  });

  it('awaitPromise works in the host-mode outer run, and says why it cannot in a nested run', async () => {
    apply();
    const outcome = await runAsync(function* () {
      const value = yield* awaitPromise(Promise.resolve('host'));
      let nestedError: unknown = null;
      try {
        run(function* () {
          yield* awaitPromise(Promise.resolve('never'));
        });
      } catch (error) {
        nestedError = error;
      }
      return { value, nestedError };
    });
    expect(outcome.value).toBe('host');
    expect(outcome.nestedError).toBeInstanceOf(RuntimeError);
    expect((outcome.nestedError as Error).message).toMatch(
      /a nested run blocks the thread: native promises cannot settle before it returns\) \(deadlock\)$/,
    );
  });
});
