import {
  type Awaitable,
  CancelledError,
  type Coroutine,
  currentTask,
  getRunningLoop,
  type Handle,
  RuntimeError,
  type Task,
  TimeoutError,
} from '@asyncio-ts/core-loop';
import { checkSecondsOrNull, repr, watchAwaited } from '@asyncio-ts/core-loop/internal';

/** asyncio's `timeouts._State`: the value is what `toString()` shows. */
const CREATED = 'created';
const ENTERED = 'active';
const EXPIRING = 'expiring';
const EXPIRED = 'expired';
const EXITED = 'finished';

type State = typeof CREATED | typeof ENTERED | typeof EXPIRING | typeof EXPIRED | typeof EXITED;

/** Python's `repr(round(x, 3))` of a float: `10.0`, `1.235`. */
function formatWhen(when: number): string {
  const rounded = Math.round(when * 1000) / 1000;
  return Number.isInteger(rounded) ? `${rounded}.0` : String(rounded);
}

/**
 * asyncio.Timeout: the scope that `timeout()` / `timeoutAt()` hand their body. At its
 * deadline it cancels the task running the body; the scope then turns that cancellation
 * into a `TimeoutError` for the caller. Made by `timeout()` and `timeoutAt()`, not by hand.
 */
export class Timeout {
  /** @internal */
  _state: State = CREATED;
  /** @internal */
  _when: number | null;
  /** @internal The pending `_onTimeout` (a timer, or a callSoon for past deadlines). */
  _handle: Handle | null = null;
  /** @internal The task the scope was entered in. */
  _task: Task<unknown> | null = null;
  /** @internal The task's `cancelling()` count on entry. */
  _cancelling = 0;

  /** A scope not yet entered, due at `when` on the loop's clock (null: never). */
  constructor(when: number | null) {
    checkSecondsOrNull(when, 'Timeout deadline');
    this._when = when;
  }

  /** The current deadline on the loop's clock, or null when the scope never expires. */
  when(): number | null {
    return this._when;
  }

  /**
   * Moves the deadline to `when` (null: never). A deadline already past expires the scope
   * at the next iteration. Only an active scope can be rescheduled, as in asyncio.
   */
  reschedule(when: number | null): void {
    checkSecondsOrNull(when, 'reschedule() deadline');
    if (this._state !== ENTERED) {
      if (this._state === CREATED) throw new RuntimeError('Timeout has not been entered');
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    if (this._handle !== null) this._handle.cancel();
    if (when === null) {
      this._handle = null;
      return;
    }
    const loop = (this._task as Task<unknown>).getLoop();
    this._handle =
      when <= loop.time() ? loop.callSoon(onTimeout, this) : loop.callAt(when, onTimeout, this);
  }

  /** True once the deadline has passed while the body ran (asyncio's `expired()`). */
  expired(): boolean {
    return this._state === EXPIRING || this._state === EXPIRED;
  }

  /** asyncio's repr: `<Timeout [active] when=12.5>`, `<Timeout [expired]>`. */
  toString(): string {
    if (this._state !== ENTERED) return `<Timeout [${this._state}]>`;
    const when = this._when === null ? 'None' : formatWhen(this._when);
    return `<Timeout [${this._state}] when=${when}>`;
  }

  /** @internal asyncio's `__aenter__`. */
  _enter(): void {
    if (this._state !== CREATED) throw new RuntimeError('Timeout has already been entered');
    const task = currentTask();
    if (task === null) throw new RuntimeError('Timeout should be used inside a task');
    this._state = ENTERED;
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
  }

  /**
   * @internal asyncio's `__aexit__`: returns the error the body ended with (undefined if it
   * returned), or the TimeoutError that replaces the scope's own cancellation.
   */
  _exit(failed: boolean, error: unknown): unknown {
    if (this._handle !== null) {
      this._handle.cancel();
      this._handle = null;
    }
    if (this._state === EXPIRING) {
      this._state = EXPIRED;
      // uncancel() first, always: the scope takes back its own cancel request.
      const left = (this._task as Task<unknown>).uncancel();
      if (left <= this._cancelling && failed && error instanceof CancelledError) {
        return new TimeoutError('', { cause: error });
      }
    } else if (this._state === ENTERED) {
      this._state = EXITED;
    }
    return error;
  }
}

/** The deadline's callback: cancels the task that runs the body. */
function onTimeout(scope: Timeout): void {
  (scope._task as Task<unknown>).cancel();
  scope._state = EXPIRING;
  scope._handle = null;
}

function checkBody(body: unknown, fn: string): void {
  if (typeof body !== 'function') {
    throw new TypeError(
      `${fn}() body must be a function that makes a coroutine, got ${repr(body)}`,
    );
  }
}

function* runScope<T>(
  when: (() => number | null) | number | null,
  body: (scope: Timeout) => Awaitable<T>,
): Coroutine<T> {
  const scope = new Timeout(typeof when === 'function' ? when() : when);
  scope._enter();
  let result: T;
  try {
    result = yield* body(scope);
  } catch (error) {
    throw scope._exit(true, error);
  }
  scope._exit(false, undefined);
  return result;
}

/**
 * asyncio.timeout_at: runs `body(scope)` in the calling task (use with `yield*`); at `when`
 * (the loop's clock; null: never) the body is cancelled and a `TimeoutError` (its `cause`
 * the CancelledError) is thrown instead. Must run inside a task.
 */
export function timeoutAt<T>(
  when: number | null,
  body: (scope: Timeout) => Coroutine<T>,
): Coroutine<T> {
  checkSecondsOrNull(when, 'timeoutAt() when');
  checkBody(body, 'timeoutAt');
  return watchAwaited(runScope(when, body), 'timeoutAt');
}

/**
 * asyncio.timeout: `yield* timeout(delay, function* (scope) { ... })` runs the body with a
 * deadline `delay` seconds after the body starts (null: never; `0` expires at the body's
 * first suspension). On expiry the caller gets a `TimeoutError`, as with `timeoutAt`.
 *
 * @example
 * ```ts
 * import { run, TimeoutError } from '@asyncio-ts/core-loop';
 * import { sleep, timeout } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   try {
 *     yield* timeout(1, function* () {
 *       yield* sleep(10); // cancelled after 1 s
 *     });
 *   } catch (error) {
 *     console.log(error instanceof TimeoutError); // true
 *   }
 * });
 * ```
 */
export function timeout<T>(
  delay: number | null,
  body: (scope: Timeout) => Coroutine<T>,
): Coroutine<T> {
  checkSecondsOrNull(delay, 'timeout() delay');
  checkBody(body, 'timeout');
  return watchAwaited(
    runScope(delay === null ? null : () => getRunningLoop().time() + delay, body),
    'timeout',
  );
}
