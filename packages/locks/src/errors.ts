import { RuntimeError } from '@asyncio-ts/core-loop';

/**
 * asyncio.BrokenBarrierError (a RuntimeError, as in Python): thrown by `Barrier.wait()` to the
 * tasks waiting when the barrier is reset or aborted, and to any task that waits on a broken one.
 */
export class BrokenBarrierError extends RuntimeError {
  override name = 'BrokenBarrierError';
}
