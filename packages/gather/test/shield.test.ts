import { CancelledError, type Coroutine, EventLoop } from '@asyncio-ts/core-loop';
import { gather, shield } from '@asyncio-ts/gather';
import { VirtualClock } from '@asyncio-ts/timers';
import { describe, expect, it } from 'vitest';
import { describeError, job, loop, runVirtual, sleep, Trace } from './support.js';

describe('shield', () => {
  it('passes the result and the exception through', () => {
    runVirtual(function* () {
      expect(yield* shield(sleep(1, 'value'))).toBe('value');
      function* fails(): Coroutine<never> {
        yield* sleep(1);
        throw new TypeError('inner failed');
      }
      let raised: unknown;
      try {
        yield* shield(fails());
      } catch (error) {
        raised = error;
      }
      expect(describeError(raised)).toBe("TypeError('inner failed')");
    });
  });

  it('returns a future that is already done as it is', () => {
    runVirtual(function* () {
      const fut = loop().createFuture<number>();
      fut.setResult(3);
      expect(shield(fut)).toBe(fut);
      yield* sleep(0);
    });
  });

  it('cancelling the awaiting task leaves the shielded work running', () => {
    const trace = new Trace();
    runVirtual(function* () {
      const inner = loop().createTask(job(trace, 'inner', 3, 'I'));
      const outer = loop().createTask(
        (function* () {
          const value = yield* shield(inner);
          trace.log('outer after shield (never)');
          return value;
        })(),
      );
      yield* sleep(1);
      outer.cancel();
      try {
        yield* outer;
      } catch (error) {
        trace.log(`outer raised ${describeError(error)}`);
      }
      expect(yield* inner).toBe('I');
    });
    expect(trace.lines).toEqual([
      't=0 inner start',
      't=1 outer raised CancelledError()',
      't=3 inner done',
    ]);
  });

  it('cancelling the outer future does not cancel the inner one', () => {
    runVirtual(function* () {
      const inner = loop().createFuture<number>();
      const outer = shield(inner);
      yield* sleep(0);
      expect(outer.cancel()).toBe(true);
      yield* sleep(0);
      expect(outer.cancelled()).toBe(true);
      expect(inner.cancelled()).toBe(false);
      inner.setResult(1);
      yield* sleep(0);
      expect(inner.result()).toBe(1);
    });
  });

  it('cancelling the inner future cancels the outer one', () => {
    runVirtual(function* () {
      const inner = loop().createFuture<number>();
      const outer = shield(inner);
      yield* sleep(0);
      inner.cancel();
      yield* sleep(0);
      expect(outer.cancelled()).toBe(true);
    });
  });

  it('shielding a gather keeps the gather alive (CPython test_shield_gather)', () => {
    runVirtual(function* () {
      const child1 = loop().createFuture<number>();
      const child2 = loop().createFuture<number>();
      const parent = gather(child1, child2);
      const outer = shield(parent);
      yield* sleep(0);
      outer.cancel();
      yield* sleep(0);
      expect(outer.cancelled()).toBe(true);
      child1.setResult(1);
      child2.setResult(2);
      yield* sleep(0);
      expect(parent.result()).toEqual([1, 2]);
    });
  });

  it('gathering shields cancels the shields, not what they protect (CPython test_gather_shield)', () => {
    runVirtual(function* () {
      const child1 = loop().createFuture<number>();
      const child2 = loop().createFuture<number>();
      const inner1 = shield(child1);
      const inner2 = shield(child2);
      const parent = gather(inner1, inner2);
      yield* sleep(0);
      parent.cancel();
      yield* sleep(0);
      expect(parent.exception()).toBeInstanceOf(CancelledError);
      expect(inner1.cancelled()).toBe(true);
      expect(inner2.cancelled()).toBe(true);
      expect(child1.cancelled() || child2.cancelled()).toBe(false);
      child1.setResult(1);
      child2.setResult(2);
      yield* sleep(0);
    });
  });

  it('wraps a coroutine in a task on the running loop', () => {
    runVirtual(function* () {
      const outer = shield(sleep(0, 42));
      expect(outer.getLoop()).toBe(loop());
      expect(yield* outer).toBe(42);
    });
  });

  it('refuses non-awaitables and futures of another loop', () => {
    const other = new EventLoop({ clock: new VirtualClock() });
    runVirtual(function* () {
      expect(() => shield(5 as never)).toThrow(
        new TypeError(
          'shield() argument must be an awaitable (a coroutine, a Future or a Task), got 5',
        ),
      );
      yield* sleep(0);
    });
    // A future of another loop is returned as it is by asyncio too: it belongs to its loop.
    const foreign = other.createFuture<number>();
    expect(shield(foreign).getLoop()).toBe(other);
    other.close();
  });
});
