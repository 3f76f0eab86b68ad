import {
  type Awaitable,
  CancelledError,
  type Coroutine,
  type EventLoop,
} from '@asyncio-ts/core-loop';
import { NOT_HANDLED, type ReentryHooks } from '@asyncio-ts/core-loop/internal';
import { nestedRunForever, nestedRunUntilComplete } from './nested-run.js';
import { isPatched, patchState } from './patch-state.js';

/**
 * nest_asyncio's patched `asyncio.run` inside a running loop: runs `main` as a task on the
 * loop that is already running and returns its result. If the nested run ends before the
 * task does (stop(), a deadlock), the task is cancelled and run to its end, as nest_asyncio does.
 */
function nestedRun<T>(loop: EventLoop, main: Coroutine<T>): T {
  const task = loop.createTask(main);
  try {
    return nestedRunUntilComplete(loop, task);
  } finally {
    if (!task.done()) {
      task.cancel();
      try {
        nestedRunUntilComplete(loop, task);
      } catch (error) {
        // The error of the run itself is the one thrown; this one is reported, not lost.
        if (!(error instanceof CancelledError)) {
          loop.callExceptionHandler({
            message: 'Exception while cancelling the main task of a nested run()',
            exception: error,
            task,
          });
        }
      }
    }
  }
}

/** The re-entrancy hooks nest-patch installs in core-loop; each applies to patched loops only. */
export const nestHooks: ReentryHooks = {
  run<T>(running: EventLoop, main: Coroutine<T>): T | typeof NOT_HANDLED {
    if (isPatched(running)) return nestedRun(running, main);
    return patchState.previous === null ? NOT_HANDLED : patchState.previous.run(running, main);
  },
  runUntilComplete<T>(loop: EventLoop, awaitable: Awaitable<T>): T | typeof NOT_HANDLED {
    if (isPatched(loop)) return nestedRunUntilComplete(loop, awaitable);
    const previous = patchState.previous;
    return previous === null ? NOT_HANDLED : previous.runUntilComplete(loop, awaitable);
  },
  runForever(loop: EventLoop): undefined | typeof NOT_HANDLED {
    if (isPatched(loop)) {
      nestedRunForever(loop);
      return undefined;
    }
    return patchState.previous === null ? NOT_HANDLED : patchState.previous.runForever(loop);
  },
};
