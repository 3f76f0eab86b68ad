import { RuntimeError } from './errors.js';
import { NOT_HANDLED } from './reentry.js';
import { registry } from './registry.js';
import { Runner, type RunOptions } from './runner.js';
import type { Coroutine, CoroutineSource } from './types.js';

function coroutineOf<T>(main: CoroutineSource<T>): Coroutine<T> {
  return typeof main === 'function' ? main() : main;
}

/**
 * asyncio.run: runs `main` (a coroutine, or a function that makes one) on a new loop,
 * cancels what is left, closes the loop and returns the result. Blocks the thread while it
 * waits for timers. Refuses to run inside a running loop unless nest-patch is applied.
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
  if (running !== null) {
    const hooks = registry.reentry;
    if (hooks !== null) {
      const value = hooks.run(running, coroutineOf(main));
      if (value !== NOT_HANDLED) return value as T;
    }
    throw new RuntimeError('run() cannot be called from a running event loop');
  }
  const runner = new Runner(options);
  try {
    return runner.run(coroutineOf(main));
  } finally {
    runner.close();
  }
}

/**
 * asyncio.run in host mode: the same, but the loop runs in slices on the JS host's event
 * loop, so coroutines may `yield` native promises (fetch, fs ...) and host I/O goes on.
 * Ctrl-C (SIGINT) cancels the main task; the promise then rejects with KeyboardInterrupt.
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
  if (registry.running !== null) {
    throw new RuntimeError('runAsync() cannot be called from a running event loop');
  }
  const runner = new Runner(options);
  try {
    return await runner.runAsync(coroutineOf(main));
  } finally {
    await runner.closeAsync();
  }
}
