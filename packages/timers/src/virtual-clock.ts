import { type Clock, defaultClock } from '@asyncio-ts/core-loop';
import { checkSeconds, ownOption, repr } from '@asyncio-ts/core-loop/internal';

/** Options for `new VirtualClock()`. */
export interface VirtualClockOptions {
  /** What `now()` reads before any time has passed; default 0. */
  start?: number;
  /**
   * 0 (the default): time stands still while callbacks run and jumps to the next timer when
   * the loop is idle. `rate > 0`: time flows at `rate` times real time (2 = twice as fast).
   */
  rate?: number;
  /**
   * trio's `autojump_threshold`, for `rate` 0. Time jumps to the next timer at once when the
   * loop is idle and nothing outside it is pending. While something is (a native promise
   * awaited in host mode, a worker's outside work), time stands still and the loop waits
   * for it in real time; after this many real seconds of such waiting in vain, time jumps
   * anyway. Default Infinity: never jump while real I/O is pending.
   */
  autojumpThreshold?: number;
}

// Real time, for `rate > 0`: the loop's default (monotonic) clock.
const realSeconds = (): number => defaultClock.now();

function checkOption(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number') {
    throw new TypeError(`VirtualClock ${name} must be a number, got ${repr(value)}`);
  }
  if (!Number.isFinite(value) || value < min) {
    const range = min === 0 ? 'a finite number >= 0' : 'a finite number';
    throw new RangeError(`VirtualClock ${name} must be ${range}, got ${value}`);
  }
  return value;
}

function checkThreshold(value: unknown): number {
  checkSeconds(value, 'VirtualClock autojumpThreshold');
  if (value < 0) {
    throw new RangeError(
      `VirtualClock autojumpThreshold must be a number of seconds >= 0 (Infinity allowed), got ${value}`,
    );
  }
  return value;
}

/**
 * A `Clock` for tests and replays, like trio's MockClock: plugged into a loop
 * (`run(main, { clock })`, `new EventLoop({ clock })`), it jumps straight to the next timer
 * whenever the loop is idle, so a day of sleeps runs in milliseconds, in the same order.
 */
export class VirtualClock implements Clock {
  /** How fast time flows against real time; 0: only jumps (fully virtual). */
  readonly rate: number;
  /** Real seconds of waiting for outside work before time jumps anyway (rate 0 only). */
  readonly autojumpThreshold: number;
  /** @internal Virtual seconds not due to real time: start, jumps and idle skips. */
  _offset: number;
  /** @internal Real seconds at the first reading (rate > 0 only); null before it. */
  _realOrigin: number | null = null;

  /** A clock that reads `options.start` (default 0) and flows at `options.rate` (default 0). */
  constructor(options?: VirtualClockOptions) {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new TypeError(`VirtualClock options must be an object, got ${repr(options)}`);
    }
    const start = ownOption(options, 'start');
    const rate = ownOption(options, 'rate');
    const threshold = ownOption(options, 'autojumpThreshold');
    this._offset = start === undefined ? 0 : checkOption('start', start, -Infinity);
    this.rate = rate === undefined ? 0 : checkOption('rate', rate, 0);
    this.autojumpThreshold =
      threshold === undefined ? Number.POSITIVE_INFINITY : checkThreshold(threshold);
  }

  /**
   * The current virtual time in seconds. With `rate > 0`, real time counts from the first
   * reading (so a loop's first `time()` is `start`).
   */
  now(): number {
    if (this.rate === 0) return this._offset;
    return this._offset + this._realElapsed() * this.rate;
  }

  /**
   * The loop is idle until `deadline`. Fully virtual: jumps there and returns 0, unless
   * something outside the loop is pending (`outsideIdleFor` given: real seconds already
   * waited for it), when it returns the real seconds left before `autojumpThreshold` and
   * jumps only once that has passed. With `rate > 0`: returns the real seconds to wait,
   * `(deadline - now()) / rate`.
   */
  idleUntil(deadline: number, outsideIdleFor?: number): number {
    if (this.rate === 0) {
      if (outsideIdleFor !== undefined && outsideIdleFor < this.autojumpThreshold) {
        return this.autojumpThreshold - outsideIdleFor;
      }
      if (deadline > this._offset) this._offset = deadline;
      return 0;
    }
    const left = (deadline - this.now()) / this.rate;
    return Math.max(left, 0);
  }

  /**
   * Moves time forward by `seconds` by hand (trio's `MockClock.jump`): timers that become
   * due run at the loop's next iteration. Time never goes backwards.
   */
  jump(seconds: number): void {
    checkSeconds(seconds, 'jump() seconds');
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError(
        `time can't go backwards: jump() needs a finite number of seconds >= 0, got ${seconds}`,
      );
    }
    this._offset += seconds;
  }

  /** `<VirtualClock now=12.5 rate=0>`. */
  toString(): string {
    return `<VirtualClock now=${this.now()} rate=${this.rate}>`;
  }

  /** @internal Real seconds since the first reading. */
  private _realElapsed(): number {
    const now = realSeconds();
    if (this._realOrigin === null) {
      this._realOrigin = now;
      return 0;
    }
    return now - this._realOrigin;
  }
}
