import type { Yielded } from '@asyncio-ts/core-loop';

/** Not resumed yet: the state every small coroutine starts in. */
export const NOT_STARTED = 0;
/** Finished (returned, threw, or was closed): resuming it again ends at once. */
export const DONE = -1;

/** What a finished generator's `next()` returns (shared, never written to). */
export const FINISHED: IteratorReturnResult<undefined> = Object.freeze({
  done: true,
  value: undefined,
});

/**
 * The common part of the streams' hand-written coroutines (`drain()`, `read(n)`,
 * `readExactly(n)`): small objects that act as the generators they replace would, for calls
 * made once or twice per message, where a generator object with its frame costs 150–200 B.
 * Like a generator's, their work starts at the first `next()`, an exception thrown into them
 * ends them, and a finished one answers `next()` with `{ done: true }`.
 */
export abstract class SmallCoroutine<T> {
  /** NOT_STARTED, DONE, or a subclass's own state in between. */
  protected state = NOT_STARTED;

  /** Runs the coroutine to its next wait (or to its end), as a generator's `next()`. */
  abstract next(): IteratorResult<Yielded, T>;

  /** Ends the coroutine by throwing `error` out of it, as a generator's `throw()`. */
  throw(error: unknown): IteratorResult<Yielded, T> {
    this.state = DONE;
    throw error;
  }

  /** Ends the coroutine with `value`, as a generator's `return()`. */
  return(value: T): IteratorResult<Yielded, T> {
    this.state = DONE;
    return { done: true, value };
  }

  /** Itself, as a generator is its own iterator. */
  [Symbol.iterator](): this {
    return this;
  }

  /** `Generator`, so that it reports itself as one. */
  get [Symbol.toStringTag](): string {
    return 'Generator';
  }
}
