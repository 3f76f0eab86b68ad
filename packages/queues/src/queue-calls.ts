/**
 * `put()` and `get()` as hand-written coroutines. They do exactly what these generators do:
 *
 *     *put(item) { while (this.full()) { …wait for a free slot… } this.putNowait(item); }
 *     *get()     { while (this.empty()) { …wait for an item… } return this.getNowait(); }
 *
 * but when the queue can take or give an item at once (most calls, in a busy pipeline) they
 * finish without creating a generator; only a call that has to wait starts the generator
 * (`Queue._putWaiting` / `_getWaiting`). In the Q1 benchmark this saves two generator objects
 * per item. Like a generator, nothing happens until the first `next()`.
 */
import type { Coroutine, Yielded } from '@asyncio-ts/core-loop';
import type { Queue } from './queue.js';

const NOT_STARTED = 0;
const WAITING = 1;
const FINISHED = 2;

/** What a hand-written coroutine needs beyond `next()`, shared by both calls. */
abstract class QueueCall<R> implements Coroutine<R> {
  /** @internal */
  _state = NOT_STARTED;
  /** @internal The generator that waits, once the call has had to wait. */
  _waiting: Coroutine<R> | null = null;

  abstract next(value?: unknown): IteratorResult<Yielded, R>;

  throw(error: unknown): IteratorResult<Yielded, R> {
    if (this._state === WAITING) return (this._waiting as Coroutine<R>).throw(error);
    this._state = FINISHED;
    throw error;
  }

  return(value: R): IteratorResult<Yielded, R> {
    if (this._state === WAITING) return (this._waiting as Coroutine<R>).return(value);
    this._state = FINISHED;
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }

  [Symbol.dispose](): void {
    this.return(undefined as R);
  }

  /** @internal Runs the waiting generator from here on. */
  _wait(waiting: Coroutine<R>): IteratorResult<Yielded, R> {
    this._state = WAITING;
    this._waiting = waiting;
    return waiting.next();
  }
}

/** `queue.put(item)`: see the module comment. */
export class PutCall<T> extends QueueCall<void> {
  constructor(
    private readonly queue: Queue<T>,
    private readonly item: T,
  ) {
    super();
  }

  next(value?: unknown): IteratorResult<Yielded, void> {
    switch (this._state) {
      case NOT_STARTED:
        if (this.queue.full()) return this._wait(this.queue._putWaiting(this.item));
        this._state = FINISHED;
        this.queue.putNowait(this.item);
        return { done: true, value: undefined };
      case WAITING:
        return (this._waiting as Coroutine<void>).next(value);
      default:
        return { done: true, value: undefined };
    }
  }
}

/** `queue.get()`: see the module comment. */
export class GetCall<T> extends QueueCall<T> {
  constructor(private readonly queue: Queue<T>) {
    super();
  }

  next(value?: unknown): IteratorResult<Yielded, T> {
    switch (this._state) {
      case NOT_STARTED:
        if (this.queue.empty()) return this._wait(this.queue._getWaiting());
        this._state = FINISHED;
        return { done: true, value: this.queue.getNowait() };
      case WAITING:
        return (this._waiting as Coroutine<T>).next(value);
      default:
        return { done: true, value: undefined as T };
    }
  }
}
