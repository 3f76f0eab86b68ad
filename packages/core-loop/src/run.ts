import { KeyboardInterrupt, RuntimeError } from './errors.js';
import type { EventLoop } from './event-loop.js';
import { exitWith130OnUncaughtInterrupt } from './interrupt-exit.js';
import { NOT_HANDLED } from './reentry.js';
import { registry } from './registry.js';
import { checkRunDepth } from './run-frame.js';
import { Runner, type RunOptions } from './runner.js';
import type { Coroutine, CoroutineSource } from './types.js';

function coroutineOf<T>(main: CoroutineSource<T>): Coroutine<T> {
  return typeof main === 'function' ? main() : main;
}

/**
 * `run(main)` or `runAsync(main)` called while `running` runs: a nested run if the re-entry
 * hooks (nest-patch) take it, else asyncio's refusal.
 */
function runNested<T>(running: EventLoop, main: CoroutineSource<T>, fn: string): T {
  checkRunDepth(running);
  const hooks = registry.reentry;
  if (hooks !== null) {
    const value = hooks.run(running, coroutineOf(main));
    if (value !== NOT_HANDLED) return value as T;
  }
  throw new RuntimeError(`${fn} cannot be called from a running event loop`);
}

/** What run() and runAsync() do with the error main ended with, before throwing it. */
function mainFailed(error: unknown): void {
  if (error instanceof KeyboardInterrupt) exitWith130OnUncaughtInterrupt();
}

/**
 * asyncio.run: runs `main` (a coroutine, or a function that makes one) on a new loop,
 * cancels what is left, closes the loop and returns the result. Blocks the thread while it
 * waits for timers. Refuses to run inside a running loop unless nest-patch is applied.
 * When main fails, its error is the one thrown; a failure of the shutdown that follows goes
 * to the loop's exception handler.
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { gather } from '@asyncio-ts/gather';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * const results = run(function* () {
 *   return yield* gather(sleep(1, 'a'), sleep(2, 'b')); // both sleep at once
 * }); // ['a', 'b'] after 2 s
 * ```
 */
export function run<T>(main: CoroutineSource<T>, options?: RunOptions): T {
  const running = registry.running;
  if (running !== null) return runNested(running, main, 'run()');
  const runner = new Runner(options);
  let result: T;
  try {
    result = runner.run(coroutineOf(main));
  } catch (error) {
    runner._closeAfterFailure();
    mainFailed(error);
    throw error;
  }
  runner.close();
  return result;
}

/**
 * asyncio.run in host mode: the same, but the loop runs in slices on the JS host's event
 * loop, so coroutines may `yield` native promises (fetch, fs ...) and host I/O goes on.
 * Ctrl-C (SIGINT) cancels the main task; the promise then rejects with KeyboardInterrupt,
 * and if nothing catches that, the process exits with status 130, as Python does.
 * Inside a running loop it asks the re-entry hooks (nest-patch) like `run()`.
 *
 * @example
 * ```ts
 * import { awaitPromise, runAsync } from '@asyncio-ts/core-loop';
 * import { waitFor } from '@asyncio-ts/timers';
 *
 * const status = await runAsync(function* () {
 *   const response = yield* waitFor(awaitPromise(fetch('http://127.0.0.1:8080/')), 10);
 *   return response.status;
 * });
 * ```
 */
export async function runAsync<T>(main: CoroutineSource<T>, options?: RunOptions): Promise<T> {
  const running = registry.running;
  if (running !== null) return runNested(running, main, 'runAsync()');
  const runner = new Runner(options);
  let result: T;
  try {
    result = await runner.runAsync(coroutineOf(main));
  } catch (error) {
    await runner._closeAsyncAfterFailure();
    mainFailed(error);
    throw error;
  }
  await runner.closeAsync();
  return result;
}
