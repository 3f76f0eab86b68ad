import { describe, expect, it } from 'vitest';
import { CancelledError, EventLoop, type Future, run, currentTask, getRunningLoop, RuntimeError } from '../src/index.js';
import type { Clock, Coroutine } from '../src/index.js';

class JumpClock implements Clock {
  t = 0;
  now() { return this.t; }
  idleUntil(deadline: number) { if (deadline > this.t) this.t = deadline; return 0; }
}

function* sleep(delay: number): Coroutine<void> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<void>();
  const h = loop.callLater(delay, () => { if (!fut.done()) fut.setResult(undefined); });
  try { yield* fut; } finally { h.cancel(); }
}

describe('smoke', () => {
  it('orders callbacks like ordering_basics', () => {
    const out: string[] = [];
    const loop = new EventLoop({ clock: new JumpClock() });
    const a = () => { out.push('a'); loop.callSoon(() => out.push('added by a: next iteration')); };
    loop.callLater(0.002, () => out.push('timer 2ms'));
    loop.callLater(0.001, () => out.push('timer 1ms'));
    loop.callSoon(a);
    loop.callSoon(() => out.push('b'));
    loop.callLater(0.003, () => loop.stop());
    loop.runForever();
    loop.close();
    expect(out).toEqual(['a', 'b', 'added by a: next iteration', 'timer 1ms', 'timer 2ms']);
  });

  it('runs example 1 on a jump clock', () => {
    const out: string[] = [];
    const clock = new JumpClock();
    function* task(name: string, d: number) { out.push(`Start ${name}`); yield* sleep(d); out.push(`End ${name} at ${clock.t}`); return d; }
    const result = run(function* () {
      const loop = getRunningLoop();
      const ts = [loop.createTask(task('Task 1', 3)), loop.createTask(task('Task 2', 2)), loop.createTask(task('Task 3', 4)), loop.createTask(task('Task 4', 1))];
      const r: number[] = [];
      for (const t of ts) r.push(yield* t);
      return r;
    }, { clock });
    expect(result).toEqual([3, 2, 4, 1]);
    expect(out).toEqual(['Start Task 1', 'Start Task 2', 'Start Task 3', 'Start Task 4', 'End Task 4 at 1', 'End Task 2 at 2', 'End Task 1 at 3', 'End Task 3 at 4']);
  });

  it('cancels like cancellation_basics', () => {
    const out: string[] = [];
    run(function* () {
      const loop = getRunningLoop();
      const t = loop.createTask((function* () {
        try { yield* sleep(10); } catch (e) { if (e instanceof CancelledError) out.push(`worker cancelled with ${e.message}`); throw e; }
      })());
      yield;
      t.cancel('shutting down');
      try { yield* t; } catch (e) { out.push(`main saw cancelled: ${t.cancelled()} ${(e as Error).message} ${currentTask()?.getName()}`); }
    }, { clock: new JumpClock() });
    expect(out).toEqual(['worker cancelled with shutting down', 'main saw cancelled: true shutting down Task-' + out[1]?.split('Task-')[1]]);
  });

  it('refuses nested run and detects deadlock', () => {
    expect(() => run(function* () { run(function* () { return 1; }); })).toThrow('run() cannot be called from a running event loop');
    expect(() => run(function* () { const f = getRunningLoop().createFuture(); yield* f; })).toThrow(/would block forever/);
  });

  it('real clock sleeps', () => {
    const t0 = performance.now();
    run(function* () { yield* sleep(0.05); });
    const dt = performance.now() - t0;
    expect(dt).toBeGreaterThanOrEqual(49);
    expect(dt).toBeLessThan(500);
  });

  it('bad yield', () => {
    expect(() => run(function* () { yield 42 as never; })).toThrow(new RuntimeError('Task got bad yield: 42'));
  });
});
