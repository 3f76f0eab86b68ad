import { describe, expect, it } from 'vitest';
import {
  type Coroutine,
  EventLoop,
  type ExceptionContext,
  Future,
  getRunningLoop,
  runAsync,
} from '../src/index.js';
import { collectGarbage, collectUntil, JumpClock, nextTurn } from './support.js';

/** A loop whose handler collects contexts, and a failed future nobody keeps (a WeakRef to it). */
function failedFuture(message: string, retrieve: boolean) {
  const loop = new EventLoop({ clock: new JumpClock() });
  const seen: ExceptionContext[] = [];
  loop.setExceptionHandler((_, context) => seen.push(context));
  const ref = (() => {
    const future = new Future({ loop });
    future.setException(new Error(message));
    if (retrieve) future.exception();
    return new WeakRef(future);
  })();
  return { loop, seen, ref };
}

describe("'exception was never retrieved' when the future is garbage-collected", () => {
  it('reports a forgotten Future once it is collected, and keeps nothing alive for it', async () => {
    const { loop, seen, ref } = failedFuture('lost', false);
    await collectUntil(() => seen.length > 0);
    expect(ref.deref()).toBe(undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.message).toBe('Future exception was never retrieved');
    expect(String(seen[0]?.exception)).toBe('Error: lost');
    expect(seen[0]?.futureRepr).toBe("<Future finished exception=Error('lost')>");
    // Reported once: closing the loop does not report it again.
    loop.close();
    expect(seen).toHaveLength(1);
  });

  it('reports a forgotten task while a runAsync() loop keeps running', async () => {
    const seen: string[] = [];
    const result = await runAsync(
      function* (): Coroutine<string> {
        const loop = getRunningLoop();
        loop.setExceptionHandler((_, context) =>
          seen.push(`${context.message}: ${(context.exception as Error).message}`),
        );
        loop.createTask(
          (function* (): Coroutine<void> {
            yield;
            throw new Error('forgotten');
          })(),
        );
        for (let i = 0; i < 50 && seen.length === 0; i++) {
          collectGarbage();
          yield new Promise((resolve) => setTimeout(resolve, 0));
        }
        return `${seen.length} report(s) while the loop ran`;
      },
      { clock: new JumpClock() },
    );
    expect(result).toBe('1 report(s) while the loop ran');
    expect(seen).toEqual(['Task exception was never retrieved: forgotten']);
  });

  it('does not report an exception that was retrieved', async () => {
    const { loop, seen, ref } = failedFuture('read', true);
    await collectUntil(() => ref.deref() === undefined);
    await nextTurn();
    expect(ref.deref()).toBe(undefined);
    expect(seen).toEqual([]);
    loop.close();
  });
});
