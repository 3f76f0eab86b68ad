import { RuntimeError } from './errors.js';

let cell: Int32Array | null = null;

/**
 * Blocks the thread for `seconds` with `Atomics.wait` (no busy wait). Where blocking is not
 * allowed (a browser main thread) it throws a RuntimeError saying to use host mode.
 */
export function blockFor(seconds: number): void {
  if (!(seconds > 0)) return;
  if (cell === null) {
    if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') {
      throw new RuntimeError(
        'cannot block this thread: SharedArrayBuffer and Atomics are not available here; use runAsync() to run the loop on the host',
      );
    }
    cell = new Int32Array(new SharedArrayBuffer(4));
  }
  try {
    Atomics.wait(cell, 0, 0, seconds * 1000);
  } catch (error) {
    throw new RuntimeError(
      `cannot block this thread (Atomics.wait is not allowed here, as on a browser main thread); use runAsync() to run the loop on the host: ${String(error)}`,
    );
  }
}
