/**
 * The wake path: how work done outside the loop (a worker thread, a socket, a child process)
 * reaches a loop that is idle. Each loop may have a wake cell, an `Int32Array` over a
 * `SharedArrayBuffer`: cell[0] is 0 while nothing happened and 1 once someone notified it.
 * The loop clears it, drains its wake sources, and, with nothing to do, waits for the cell to
 * change (`Atomics.wait` in a blocking run, `Atomics.waitAsync` in host mode). Nothing here
 * exists until a package asks for it, so a loop that never uses it pays one null check per
 * iteration.
 */
import { waitOnCell } from './blocking-wait.js';
import { defaultClock } from './clock.js';
import type { EventLoop } from './event-loop.js';
import type { TimerHandle } from './handle.js';
import { Spinner } from './spin-wait.js';

/**
 * How long, in real seconds, a loop has waited in vain while something outside it was
 * pending: what a VirtualClock's autojump threshold is measured against.
 */
export class IdleStreak {
  private since = -1;

  /** Something happened (a wake-up, a jump): the next idle wait starts a new streak. */
  reset(): void {
    this.since = -1;
  }

  /**
   * The real seconds to wait for the next timer (`timeout` > 0 from `_computeTimeout`),
   * asking the clock; Infinity when no timer is scheduled. `outside`: something outside the
   * loop is pending, so a virtual clock jumps only once its autojump threshold has passed.
   */
  realWait(loop: EventLoop, timeout: number, outside: boolean): number {
    if (timeout === Number.POSITIVE_INFINITY) return timeout;
    const deadline = (loop._timers.peek() as TimerHandle)._when;
    let idleFor: number | undefined;
    if (outside) {
      const now = defaultClock.now();
      if (this.since < 0) this.since = now;
      idleFor = now - this.since;
    }
    const real = loop._clock.idleUntil(deadline, idleFor);
    if (real === 0) this.reset();
    return real;
  }
}

/** Work outstanding outside the loop, from `beginOutsideWork`. */
export interface OutsideWork {
  /** What the work is, as the deadlock error names it. */
  readonly description: string;
  /** The work is over and its outcome was delivered to the loop (a callback, a future). */
  end(): void;
  /**
   * The work is over but its outcome never reached the loop (the worker died, the port
   * closed): a run then left with nothing to do names it in its deadlock error.
   */
  abandon(reason?: string): void;
}

// Abandoned work a deadlock error names: the last few only, so nothing grows without bound.
const ABANDONED_KEPT = 8;

/** Cells made by this realm, to wake a host-mode loop of this thread without Atomics. */
const statesByCell = new WeakMap<Int32Array, WakeState>();

/** A loop's wake machinery: its cell, its wake sources, the work outstanding outside it. */
export class WakeState {
  /** cell[0]: 1 once notified, cleared by the loop before it drains its sources. */
  readonly cell: Int32Array;
  /** Run on the loop's thread after each notification (and once after being added). */
  readonly sources: (() => void)[] = [];
  /** Work outstanding outside the loop. */
  readonly outstanding = new Set<OutsideWork>();
  /** Work that ended without delivering, most recent last, at most ABANDONED_KEPT. */
  readonly abandoned: string[] = [];
  /** Set while a host-mode run waits: ends the wait. */
  hostWake: (() => void) | null = null;
  /** True while an `Atomics.waitAsync` on the cell is pending (one at a time). */
  private asyncWaiting = false;
  /** How long the loop has idled with outside work pending (for the clock's autojump). */
  readonly streak = new IdleStreak();
  /** The short busy wait before blocking while outside work is outstanding. */
  private readonly spinner = new Spinner();

  constructor(private readonly loop: EventLoop) {
    this.cell = new Int32Array(
      typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : new ArrayBuffer(4),
    );
    statesByCell.set(this.cell, this);
  }

  /** True while anything outside the loop may still wake it. */
  outsidePending(): boolean {
    return this.outstanding.size > 0;
  }

  /** Clears the cell; if it was notified, runs every wake source. True if it was notified. */
  poll(): boolean {
    const cell = this.cell;
    if (Atomics.load(cell, 0) === 0) return false;
    Atomics.store(cell, 0, 0);
    const sources = this.sources;
    for (const source of sources.length === 1 ? sources : [...sources]) {
      try {
        source();
      } catch (exception) {
        this.loop.callExceptionHandler({ message: 'Exception in a wake source', exception });
      }
    }
    return true;
  }

  /** Blocks the thread up to `seconds` (Infinity: no limit) unless the cell is notified. */
  block(seconds: number): void {
    // While outside work is outstanding its answer is often microseconds away: check the
    // cell briefly before parking the thread. S1 (2,000 echo round trips in run()): 370–480 ms
    // before, 140–220 ms with it (spin-wait.ts has the figures per spin length).
    if (this.spinBeforeWait(seconds)) return;
    waitOnCell(this.cell, seconds);
  }

  /**
   * While outside work is outstanding, checks the cell for a few tens of microseconds (with
   * back-off, see spin-wait.ts). True if it was notified meanwhile: no need to wait.
   */
  spinBeforeWait(seconds: number): boolean {
    return this.outstanding.size > 0 && this.spinner.spin(this.cell, seconds);
  }

  /**
   * Host mode: calls `hostWake` when another thread notifies the cell. Uses one pending
   * `Atomics.waitAsync` at a time; where there is none, the driver polls instead (returns false).
   */
  watchAsync(): boolean {
    const cell = this.cell;
    if (Atomics.load(cell, 0) !== 0) {
      this.hostWake?.();
      return true;
    }
    if (this.asyncWaiting) return true;
    const waitAsync = (Atomics as { waitAsync?: AtomicsWaitAsync }).waitAsync;
    if (
      typeof waitAsync !== 'function' ||
      typeof SharedArrayBuffer === 'undefined' ||
      !(cell.buffer instanceof SharedArrayBuffer)
    ) {
      return false;
    }
    const result = waitAsync(cell, 0, 0);
    if (!result.async) {
      this.hostWake?.();
      return true;
    }
    this.asyncWaiting = true;
    result.value.then(() => {
      this.asyncWaiting = false;
      this.hostWake?.();
    });
    return true;
  }

  /** Marks the cell notified and ends a host-mode wait: the loop drains its sources soon. */
  notifyHere(): void {
    Atomics.store(this.cell, 0, 1);
    this.hostWake?.();
  }
}

type AtomicsWaitAsync = (
  cell: Int32Array,
  index: number,
  value: number,
  timeout?: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

/** The loop's wake state, made on first use. */
export function wakeStateOf(loop: EventLoop): WakeState {
  let state = loop._wake;
  if (state === null) {
    state = new WakeState(loop);
    loop._wake = state;
  }
  return state;
}

/**
 * The loop's wake cell (made on first use): an `Int32Array` over a `SharedArrayBuffer`, so
 * its `.buffer` can be posted to a worker, which calls `notifyWakeCell` on its own view of it.
 */
export function wakeCellOf(loop: EventLoop): Int32Array {
  return wakeStateOf(loop).cell;
}

/**
 * Wakes the loop that owns `cell`, from any thread: a loop blocked in `Atomics.wait` (a
 * blocking run) returns from it, a host-mode loop stops waiting for the host. The loop then
 * runs its wake sources. Cheap; call it after the data the sources read is in place.
 */
export function notifyWakeCell(cell: Int32Array): void {
  const local = statesByCell.get(cell);
  if (local !== undefined) {
    local.notifyHere();
    return;
  }
  Atomics.store(cell, 0, 1);
  Atomics.notify(cell, 0);
}

/**
 * Adds `poll`, run on the loop's thread after every wake-up of the cell, before the loop
 * decides that it is idle (and once soon after being added). It drains what arrived (e.g.
 * with `receiveMessageOnPort`) and schedules callbacks or settles futures. An exception in
 * it goes to the loop's exception handler. Returns a function that removes the source.
 */
export function addWakeSource(loop: EventLoop, poll: () => void): () => void {
  if (typeof poll !== 'function') {
    throw new TypeError(`addWakeSource() expects a function, got ${typeof poll}`);
  }
  const state = wakeStateOf(loop);
  state.sources.push(poll);
  state.notifyHere();
  return () => {
    const index = state.sources.indexOf(poll);
    if (index >= 0) state.sources.splice(index, 1);
  };
}

/**
 * Registers work outstanding outside the loop on its behalf. Until it ends, a run with
 * nothing else to do waits on the wake cell instead of raising the deadlock error, and a
 * `VirtualClock` does not jump (unless its `autojumpThreshold` passes). Whoever does the
 * work must notify the cell when it ends, failure included, or the loop waits forever.
 */
export function beginOutsideWork(loop: EventLoop, description: string): OutsideWork {
  if (typeof description !== 'string') {
    throw new TypeError(
      `beginOutsideWork() expects a description string, got ${typeof description}`,
    );
  }
  const state = wakeStateOf(loop);
  let open = true;
  const work: OutsideWork = {
    description,
    end(): void {
      if (!open) return;
      open = false;
      state.outstanding.delete(work);
      state.notifyHere();
    },
    abandon(reason?: string): void {
      if (!open) return;
      open = false;
      state.outstanding.delete(work);
      const abandoned = state.abandoned;
      abandoned.push(reason === undefined ? description : `${description} (${reason})`);
      if (abandoned.length > ABANDONED_KEPT) abandoned.shift();
      state.notifyHere();
    },
  };
  state.outstanding.add(work);
  return work;
}

/** The part of the deadlock message about outside work, or '' when there is none. */
export function describeAbandoned(loop: EventLoop): string {
  const state = loop._wake;
  if (state === null || state.abandoned.length === 0) return '';
  return `; outside work ended without delivering its result: ${state.abandoned.join(', ')}`;
}
