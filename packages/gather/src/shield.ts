/** asyncio.shield: protects an awaitable from the cancellation of whoever awaits it. */
import { type Future, getEventLoop } from '@asyncio-ts/core-loop';
import { type AwaitedOf, loopFor, toFuture } from './awaitable.js';
import type { GatherArgument } from './gather.js';

const whereShield = (): string => 'shield() argument';

/**
 * asyncio.shield: a Future that follows `aw` (a coroutine is wrapped in a Task). Cancelling
 * it — or the task awaiting it — leaves `aw` running; if `aw` itself is cancelled, so is it.
 *
 * @example
 * ```ts
 * import { createTask, run } from '@asyncio-ts/core-loop';
 * import { shield } from '@asyncio-ts/gather';
 * import { sleep, waitFor } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   const save = createTask(sleep(2, 'saved'));
 *   try {
 *     yield* waitFor(shield(save), 1); // times out at t=1: only the shield is cancelled
 *   } catch {
 *     console.log(yield* save); // 'saved', at t=2
 *   }
 * });
 * ```
 */
export function shield<A extends GatherArgument>(aw: A): Future<AwaitedOf<A>> {
  const loop = loopFor(aw, getEventLoop);
  const inner = toFuture(aw, loop, whereShield, 0) as Future<AwaitedOf<A>>;
  if (inner.done()) return inner;
  const outer = loop.createFuture<AwaitedOf<A>>();

  const onInnerDone = (done: Future<AwaitedOf<A>>): void => {
    if (outer.cancelled()) {
      // Nobody will read the result: mark a failure as retrieved.
      if (!done.cancelled()) done.exception();
      return;
    }
    if (done.cancelled()) {
      outer.cancel();
      return;
    }
    let value: AwaitedOf<A>;
    try {
      value = done.result();
    } catch (error) {
      outer.setException(error);
      return;
    }
    outer.setResult(value);
  };
  const onOuterDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(onInnerDone);
  };

  inner.addDoneCallback(onInnerDone);
  outer.addDoneCallback(onOuterDone);
  return outer;
}
