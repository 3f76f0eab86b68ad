import { RuntimeError } from './errors.js';
import type { EventLoop } from './event-loop.js';
import type { Future } from './future.js';
import type { Coroutine } from './types.js';

/**
 * Where an executor finds its work: a `URL` (`new URL('./work.js', import.meta.url)`), a
 * `file:` URL string or an absolute path. Typed by its shape, so that the published types
 * need no DOM or Node lib for `URL`.
 */
export type ModuleSpecifier = string | { readonly href: string };

/** Options of `Executor.shutdown` (concurrent.futures' `shutdown(wait, cancel_futures)`). */
export interface ExecutorShutdownOptions {
  /** Wait until running work has finished and the workers have stopped (default true). */
  wait?: boolean;
  /** Cancel work that has not started (default false). */
  cancelFutures?: boolean;
}

/**
 * What `loop.runInExecutor` needs of an executor (concurrent.futures.Executor). core-loop
 * defines it so that it does not depend on @asyncio-ts/threads, whose ThreadPoolExecutor
 * implements it. Work is named by module and export: a function cannot move to a thread.
 */
export interface Executor {
  /** Starts `exportName(...args)` from `module`; the future (of `loop`) gets its outcome. */
  submitTo<T>(
    loop: EventLoop,
    module: ModuleSpecifier,
    exportName: string,
    args: readonly unknown[],
  ): Future<T>;
  /**
   * Stops taking work at once; the coroutine ends when the workers have stopped (with
   * `wait: false` it ends at once).
   */
  shutdown(options?: ExecutorShutdownOptions): Coroutine<void>;
}

interface ExecutorRegistry {
  /** Makes a loop's default executor; registered by @asyncio-ts/threads when it loads. */
  makeDefault: (() => Executor) | null;
  defaults: WeakMap<EventLoop, Executor>;
  /** Loops whose `shutdownDefaultExecutor()` was called. */
  shutDown: WeakSet<EventLoop>;
}

// Shared by every copy of core-loop in the realm, as the loop registry is.
const KEY = Symbol.for('asyncio-ts.core-loop.executors.v1');
const host = globalThis as unknown as Record<symbol, ExecutorRegistry | undefined>;
host[KEY] ??= { makeDefault: null, defaults: new WeakMap(), shutDown: new WeakSet() };
const executors: ExecutorRegistry = host[KEY];

/** Registers the factory of default executors (@asyncio-ts/threads does, on import). */
export function setDefaultExecutorFactory(factory: (() => Executor) | null): void {
  executors.makeDefault = factory;
}

/** `loop.setDefaultExecutor(executor)`: the executor `runInExecutor(null, ...)` uses. */
export function setDefaultExecutor(loop: EventLoop, executor: Executor): void {
  if (
    executor === null ||
    typeof executor !== 'object' ||
    typeof executor.submitTo !== 'function' ||
    typeof executor.shutdown !== 'function'
  ) {
    throw new TypeError('executor must be a ThreadPoolExecutor (an Executor) instance');
  }
  executors.defaults.set(loop, executor);
}

/** asyncio's `loop.run_in_executor(executor, func, *args)`, work named by module and export. */
export function runInExecutor<T>(
  loop: EventLoop,
  executor: Executor | null,
  module: ModuleSpecifier,
  exportName: string,
  args: readonly unknown[],
): Future<T> {
  loop._checkClosed();
  let chosen = executor;
  if (chosen === null) {
    if (executors.shutDown.has(loop)) throw new RuntimeError('Executor shutdown has been called');
    chosen = executors.defaults.get(loop) ?? null;
    if (chosen === null) {
      const make = executors.makeDefault;
      if (make === null) {
        throw new RuntimeError(
          'loop.runInExecutor(null, ...) has no default executor: import @asyncio-ts/threads (it provides ThreadPoolExecutor)',
        );
      }
      chosen = make();
      executors.defaults.set(loop, chosen);
    }
  }
  return chosen.submitTo<T>(loop, module, exportName, args);
}

/** asyncio's `loop.shutdown_default_executor()`: no default executor may be made afterwards. */
export function* shutdownDefaultExecutor(loop: EventLoop): Coroutine<void> {
  executors.shutDown.add(loop);
  const executor = executors.defaults.get(loop);
  if (executor === undefined) return;
  try {
    yield* executor.shutdown({ wait: true });
  } finally {
    executors.defaults.delete(loop);
  }
}

/** True when `loop` has made (or was given) a default executor that is not shut down. */
export function hasDefaultExecutor(loop: EventLoop): boolean {
  return executors.defaults.has(loop);
}

/** What `loop.close()` does with the default executor: `shutdown(wait=False)`, as asyncio. */
export function closeDefaultExecutor(loop: EventLoop): void {
  const executor = executors.defaults.get(loop);
  if (executor === undefined) return;
  executors.defaults.delete(loop);
  executor.shutdown({ wait: false });
}
