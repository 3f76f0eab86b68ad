/**
 * A short, adaptive busy wait on a wake cell, for a blocking run whose outside work (an I/O
 * worker, a thread) answers within microseconds. Waking a thread parked in `Atomics.wait`
 * costs tens of microseconds; checking the cell for a moment first avoids that when the
 * answer is close. The spin is bounded (SPIN_MICROS), runs only while outside work is
 * outstanding, and backs off after spins that found nothing, so a loop that waits long
 * (an idle server, a timer) spends almost nothing on it.
 */

/**
 * Longest spin, in microseconds. Measured on S1 (5,000 echo round trips through the I/O
 * worker in run(), 2 cores): no spin 950–1,000 ms (850 ms CPU); 20 µs, no better (the
 * worker's answer takes 20–50 µs); 50 µs, 310–430 ms (500 ms CPU: parking and waking the
 * thread cost more CPU than the spin); 100 and 200 µs, no better than 50.
 */
const SPIN_MICROS = 50;
/** After a spin that found nothing, the next this-many waits (doubling, capped) skip it. */
const MAX_SKIP = 64;

/** Per-cell spin state: how many waits to skip before spinning again. */
export class Spinner {
  private skip = 0;
  private penalty = 1;

  /**
   * Checks `cell[0]` for up to SPIN_MICROS (or `seconds`, if shorter). True if it was
   * notified meanwhile: the caller need not block.
   */
  spin(cell: Int32Array, seconds: number): boolean {
    if (this.skip > 0) {
      this.skip--;
      return false;
    }
    const limit = Math.min(SPIN_MICROS / 1000, seconds * 1000);
    const clock = performance; // one read: the global is a lazy getter in Node
    const start = clock.now();
    do {
      if (Atomics.load(cell, 0) !== 0) {
        this.penalty = 1;
        return true;
      }
    } while (clock.now() - start < limit);
    this.skip = this.penalty;
    this.penalty = Math.min(this.penalty * 2, MAX_SKIP);
    return false;
  }
}
