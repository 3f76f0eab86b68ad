import { type Coroutine, getRunningLoop } from '@asyncio-ts/core-loop';

/**
 * asyncio.to_thread: runs `exportName(...args)` from `module` on a worker thread of the
 * running loop's default executor and returns its result; the loop goes on meanwhile. A
 * returned Promise is awaited in the worker. Arguments and result cross by structured clone.
 * @example
 * const work = new URL('./work.js', import.meta.url);
 * const digest = yield* toThread<string>(work, 'sha256File', '/var/log/syslog');
 */
export function* toThread<R = unknown>(
  module: string | URL,
  exportName: string,
  ...args: unknown[]
): Coroutine<R> {
  const loop = getRunningLoop();
  return yield* loop.runInExecutor<R>(null, module, exportName, ...args);
}
