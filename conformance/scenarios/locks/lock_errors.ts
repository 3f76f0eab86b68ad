import {
  type Coroutine,
  getRunningLoop,
  type RunOptions,
  RuntimeError,
  run,
  runAsync,
} from '@asyncio-ts/core-loop';
import { Lock } from '@asyncio-ts/locks';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
import type { Print } from '../../src/pyfmt.js';

type Runner = (main: () => Coroutine<void>, options: RunOptions) => unknown;

/** Two runs on two loops: the second may not wait on the lock bound to the first. */
function* twoRuns(print: Print, runner: Runner): Generator<unknown, void, unknown> {
  const lock = new Lock();
  try {
    lock.release();
  } catch (error) {
    if (error instanceof RuntimeError) print('RuntimeError:', error.message);
  }
  yield runner(
    function* (): Coroutine<void> {
      yield* lock.acquire();
      const waiter = getRunningLoop().createTask(lock.acquire());
      yield* sleep(0);
      lock.release();
      yield* waiter;
    },
    { clock: new VirtualClock() },
  );
  yield runner(
    function* (): Coroutine<void> {
      try {
        yield* lock.acquire();
      } catch (error) {
        if (error instanceof RuntimeError) {
          print(
            'RuntimeError ends with:',
            error.message.endsWith('is bound to a different event loop'),
          );
        }
      }
    },
    { clock: new VirtualClock() },
  );
}

/** Host mode: the same two runs with runAsync, one after the other. */
export async function host(print: Print): Promise<void> {
  for (const pending of twoRuns(print, runAsync)) await pending;
}

export default function (print: Print): void {
  for (const _ of twoRuns(print, run)) {
    // each run() finished before the next starts
  }
}
