/** Garbage collection on demand, for tests of what is reported when objects are collected. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');

/** A full garbage collection, without starting Node with --expose-gc. */
export const collectGarbage = runInNewContext('gc') as () => void;

/** One turn of the host's event loop (finalizers run between turns). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Collects garbage and gives finalizers their turn until `done()`, at most 50 times. A turn
 * separates each check from the next collection: `deref()` keeps its target alive until the
 * end of the current turn.
 */
export async function collectUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await nextTurn();
    collectGarbage();
    await nextTurn();
    if (done()) return;
  }
}
