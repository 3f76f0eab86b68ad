import { describe, expect, it } from 'vitest';
import { Handle, TimerHandle } from '../src/index.js';
import { jumpLoop } from './support.js';

describe('Handle', () => {
  it("has asyncio's repr: the callback with its arguments, or cancelled", () => {
    const { loop } = jumpLoop();
    function greet(_name: string, _n: number): void {}
    const h = loop.callSoon(greet, 'bob', 2);
    expect(h).toBeInstanceOf(Handle);
    expect(String(h)).toBe("<Handle greet('bob', 2)>");
    expect(String(loop.callSoon(() => {}))).toBe('<Handle anonymous()>');
    h.cancel();
    expect(String(h)).toBe('<Handle cancelled>');
    loop.close();
  });

  it('cancel() is idempotent, drops the callback and reports cancelled()', () => {
    const { loop } = jumpLoop();
    const h = loop.callSoon(() => {});
    expect(h.cancelled()).toBe(false);
    expect(h.getLoop()).toBe(loop);
    h.cancel();
    h.cancel();
    expect(h.cancelled()).toBe(true);
    // The callback and its arguments are released, as asyncio does.
    expect(h._callback).toBe(null);
    expect(h._args).toBe(null);
    loop.close();
  });
});

describe('TimerHandle', () => {
  it("has asyncio's repr with the deadline", () => {
    const { loop } = jumpLoop({ start: 1 });
    function tick(): void {}
    const t = loop.callLater(0.5, tick);
    expect(t).toBeInstanceOf(TimerHandle);
    expect(String(t)).toBe('<TimerHandle when=1.5 tick()>');
    t.cancel();
    expect(String(t)).toBe('<TimerHandle cancelled when=1.5>');
    loop.close();
  });

  it('counts a cancellation only while it sits in the heap, and only once', () => {
    const { loop } = jumpLoop();
    const t = loop.callLater(1, () => {});
    expect(t._scheduled).toBe(true);
    t.cancel();
    t.cancel();
    expect(loop._timerCancelledCount).toBe(1);
    // The next iteration drops it from the top of the heap.
    loop.callSoon(() => loop.stop());
    loop.runForever();
    expect(loop._timers.size).toBe(0);
    expect(loop._timerCancelledCount).toBe(0);
    expect(t._scheduled).toBe(false);
    loop.close();
  });

  it('does not count a cancellation after it fired', () => {
    const { loop } = jumpLoop();
    let t: TimerHandle | null = null;
    t = loop.callLater(1, () => {
      t?.cancel();
      loop.stop();
    });
    loop.runForever();
    expect(t.cancelled()).toBe(true);
    expect(loop._timerCancelledCount).toBe(0);
    loop.close();
  });
});
