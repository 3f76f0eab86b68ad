/**
 * A loop's source of time. The loop asks `now()` for the time and, when it has nothing to do
 * until a timer's deadline, calls `idleUntil(deadline)` and then waits for as many real
 * seconds as that returns: a real clock returns the time left; a virtual clock jumps to the
 * deadline and returns 0.
 */
export interface Clock {
  /** The current time in seconds; never goes backwards. */
  now(): number;
  /**
   * The loop is idle until `deadline` (seconds on this clock). Returns how many real
   * seconds the loop must still wait; 0 when the clock moved itself to the deadline.
   * `outsideIdleFor` is undefined when nothing outside the loop is pending; otherwise
   * something is (an adopted promise, outside work) and it says for how many real seconds
   * the loop has already waited in vain: a virtual clock must not jump before it is due
   * (trio's autojump rule), and waits in real time instead, woken by what arrives.
   */
  idleUntil(deadline: number, outsideIdleFor?: number): number;
}

const performanceNow: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now();

/** The default clock: real monotonic time in seconds, like Python's `time.monotonic()`. */
export class MonotonicClock implements Clock {
  /** Seconds since an arbitrary origin. */
  now(): number {
    return performanceNow() / 1000;
  }

  /** Real clocks cannot jump: the loop waits for all the time that is left. */
  idleUntil(deadline: number): number {
    const left = deadline - this.now();
    return Math.max(left, 0);
  }
}

/** The clock a loop uses when none is given. */
export const defaultClock: Clock = new MonotonicClock();
