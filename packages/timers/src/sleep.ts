import {
  type Coroutine,
  type Future,
  getRunningLoop,
  RuntimeError,
  type TimerHandle,
  type Yielded,
} from '@asyncio-ts/core-loop';
import {
  blockOn,
  checkSeconds,
  THROW_PASSES_THROUGH,
  watchAwaited,
} from '@asyncio-ts/core-loop/internal';

/** The timer's callback: asyncio's `futures._set_result_unless_cancelled`. */
function setResultUnlessCancelled<T>(future: Future<T>, result?: T): void {
  if (!future.cancelled()) future.setResult(result as T);
}

/** asyncio's error for a coroutine resumed after it finished. */
function reuseError(): RuntimeError {
  return new RuntimeError('cannot reuse already awaited coroutine');
}

/**
 * The step results of a `sleep(0)` without a result, shared: they are only read (`yield*`
 * hands them to the task as they are), and two objects less per `yield* sleep(0)` is 80 B
 * of garbage per task in W1 (issue 24). Frozen, so nothing can change them.
 */
const GIVE_UP_TURN: IteratorYieldResult<Yielded> = Object.freeze({ done: false, value: undefined });
const DONE_UNDEFINED: IteratorReturnResult<undefined> = Object.freeze({
  done: true,
  value: undefined,
});

/**
 * `delay <= 0`: one bare yield, exactly asyncio's `__sleep0()`, as a small object that acts
 * as the generator `function* () { yield; return result }` — `sleep(0)` is the hot path of
 * every program that gives up its turn. Without a result it is one field (32 B; every task of
 * W1 holds one across the yield); SleepZeroWith adds the result.
 */
class SleepZero<T> {
  protected _state = 0;

  next(): IteratorResult<Yielded, T> {
    if (this._state === 0) {
      this._state = 1;
      return GIVE_UP_TURN;
    }
    if (this._state === 2) throw reuseError();
    this._state = 2;
    return this._done();
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    this._state = 2;
    throw error;
  }

  /** `throw` without the throw, for a task that drives this directly (see THROW_PASSES_THROUGH). */
  [THROW_PASSES_THROUGH](): void {
    this._state = 2;
  }

  return(value: T): IteratorResult<Yielded, T> {
    this._state = 2;
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }

  get [Symbol.toStringTag](): string {
    return 'Generator';
  }

  /** The last step: the sleep evaluates to undefined. */
  protected _done(): IteratorResult<Yielded, T> {
    return DONE_UNDEFINED as IteratorResult<Yielded, T>;
  }
}

/** `sleep(0, result)`. */
class SleepZeroWith<T> extends SleepZero<T> {
  private readonly _value: T;

  constructor(result: T) {
    super();
    this._value = result;
  }

  protected override _done(): IteratorResult<Yielded, T> {
    return { done: true, value: this._value };
  }
}

/**
 * `delay > 0`: asyncio's `sleep` body (a future resolved by `callLater`, the timer cancelled
 * however the wait ends) as a hand-written generator object. It behaves as the generator
 * `try { return yield* future } finally { handle.cancel() }` would, but is one object instead
 * of a generator plus its frame: sleep is the hot path of every timer-heavy program.
 */
class SleepCoroutine<T> {
  private readonly _delay: number;
  private readonly _result: T;
  private _handle: TimerHandle | null = null;
  /** The future the task parks on: yielded directly (no `future[Symbol.iterator]()`, 40 B). */
  private _future: Future<T> | null = null;
  private _finished = false;

  constructor(delay: number, result: T) {
    this._delay = delay;
    this._result = result;
  }

  next(): IteratorResult<Yielded, T> {
    if (this._finished) throw reuseError();
    const future = this._future;
    if (future === null) {
      let loop: ReturnType<typeof getRunningLoop>;
      try {
        loop = getRunningLoop();
      } catch (error) {
        this._finished = true;
        throw error;
      }
      const created = loop.createFuture<T>();
      this._future = created;
      // One argument needs no array in the handle: 64 B less per sleeping task (issue 24).
      this._handle =
        this._result === undefined
          ? loop.callLater(this._delay, setResultUnlessCancelled, created)
          : loop.callLater(this._delay, setResultUnlessCancelled, created, this._result);
      return { done: false, value: blockOn(created) };
    }
    // Resumed by the task once the future is done: what `yield* future` evaluates to.
    this._finish();
    if (!future.done()) throw new RuntimeError("yield* wasn't used with future");
    return { done: true, value: future.result() };
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    this._finish();
    throw error;
  }

  /** `throw` without the throw, for a task that drives this directly (see THROW_PASSES_THROUGH). */
  [THROW_PASSES_THROUGH](): void {
    this._finish();
  }

  return(value: T): IteratorResult<Yielded, T> {
    this._finish();
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }

  get [Symbol.toStringTag](): string {
    return 'Generator';
  }

  /** Cancelled or not, the timer must not stay in the loop's heap. */
  private _finish(): void {
    this._finished = true;
    const handle = this._handle;
    if (handle !== null) {
      this._handle = null;
      handle.cancel();
    }
  }
}

/**
 * asyncio.sleep: `yield* sleep(delay)` suspends the calling task for `delay` seconds of the
 * loop's clock. `delay <= 0` gives up the turn exactly once (other ready tasks run first).
 * Unlike asyncio, a delay that is not a number (or NaN) throws a TypeError at the call.
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   yield* sleep(1.5); // 1.5 s later
 *   yield* sleep(0); // lets every other ready task run once
 * });
 * ```
 */
export function sleep(delay: number): Coroutine<void>;
/**
 * asyncio.sleep with a result: `yield* sleep(delay, result)` suspends the calling task for
 * `delay` seconds of the loop's clock and evaluates to `result` (typed as `T`).
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * const answer: number = run(function* () {
 *   return yield* sleep(1, 42); // 42, one second later
 * });
 * ```
 */
export function sleep<T>(delay: number, result: T): Coroutine<T>;
export function sleep<T>(delay: number, result?: T): Coroutine<T | undefined> {
  checkSeconds(delay, 'sleep() delay');
  const coro =
    delay > 0
      ? new SleepCoroutine(delay, result)
      : result === undefined
        ? new SleepZero<T | undefined>()
        : new SleepZeroWith(result);
  // In debug mode, a sleep never awaited is reported (asyncio's "was never awaited").
  return watchAwaited(coro as unknown as Coroutine<T | undefined>, 'sleep');
}
