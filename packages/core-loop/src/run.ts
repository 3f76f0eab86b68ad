import { RuntimeError } from './errors.js';
import { NOT_HANDLED } from './reentry.js';
import { registry } from './registry.js';
import { type RunOptions, Runner } from './runner.js';
import type { CoroutineSource } from './types.js';

/**
 * asyncio.run: runs `main` (a coroutine, or a function that makes one) on a new loop,
 * cancels what is left, closes the loop and returns the result. Blocks the thread while it
 * waits for timers. Refuses to run inside a running loop unless nest-patch is applied.
 */
export function run<T>(main: CoroutineSource<T>, options?: RunOptions): T {
  const running = registry.running;
  if (running !== null) {
    const hooks = registry.reentry;
    if (hooks !== null) {
      const value = hooks.run(running, typeof main === 'function' ? main() : main);
      if (value !== NOT_HANDLED) return value as T;
    }
    throw new RuntimeError('run() cannot be called from a running event loop');
  }
  const coro = typeof main === 'function' ? main() : main;
  const runner = new Runner(options);
  try {
    return runner.run(coro);
  } finally {
    runner.close();
  }
}
