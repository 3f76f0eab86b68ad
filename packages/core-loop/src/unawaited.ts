/**
 * asyncio's "coroutine … was never awaited" (a RuntimeWarning CPython prints when a coroutine
 * that never started is collected), for library coroutines made while a loop runs in debug
 * mode: `sleep(0.1)` without `yield*` does nothing, and this says so.
 */
import { registry } from './registry.js';
import type { Coroutine, Yielded } from './types.js';

/** What the warning needs: the coroutine's name and where it was made. */
interface NeverAwaited {
  name: string;
  createdAt: string;
}

function warnNeverAwaited(report: NeverAwaited): void {
  console.warn(
    `RuntimeWarning: coroutine '${report.name}' was never awaited\nCoroutine created at (most recent call last):\n${report.createdAt}`,
  );
}

const watched =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<NeverAwaited>(warnNeverAwaited)
    : null;

/** A coroutine that stops being watched the first time it is resumed or closed. */
class WatchedCoroutine<T> {
  private watching = true;
  constructor(private readonly inner: Coroutine<T>) {}

  next(value?: unknown): IteratorResult<Yielded, T> {
    this.started();
    return this.inner.next(value);
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    this.started();
    return this.inner.throw(error);
  }

  return(value: T): IteratorResult<Yielded, T> {
    this.started();
    return this.inner.return(value);
  }

  [Symbol.iterator](): this {
    return this;
  }

  get [Symbol.toStringTag](): string {
    return 'Generator';
  }

  private started(): void {
    if (!this.watching) return;
    this.watching = false;
    watched?.unregister(this);
  }
}

/** The creation stack, innermost call last as Python prints it, without this module's frame. */
function creationStack(): string {
  const lines = (new Error().stack ?? '').split('\n').slice(3);
  return lines
    .map((line) => `  ${line.trim()}`)
    .reverse()
    .join('\n');
}

/**
 * For a library coroutine just made (`name` as asyncio calls it): when the running loop is
 * in debug mode, returns a stand-in that warns with console.warn, once it is
 * garbage-collected, if it was never started; otherwise returns `coro` itself (no cost).
 */
export function watchAwaited<T>(coro: Coroutine<T>, name: string): Coroutine<T> {
  const loop = registry.running;
  if (watched === null || loop === null || !loop._debug) return coro;
  const stand = new WatchedCoroutine(coro);
  watched.register(stand, { name, createdAt: creationStack() }, stand);
  return stand as unknown as Coroutine<T>;
}
