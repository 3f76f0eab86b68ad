import { awaitWorker } from '@asyncio-ts/test-support/wake-worker';
import { describe, expect, it } from 'vitest';
import { EventLoop, getRunningLoop, RuntimeError, run, runAsync } from '../src/index.js';
import { addWakeSource, beginOutsideWork, notifyWakeCell, wakeCellOf } from '../src/internal.js';

describe('the wake path: a real worker thread wakes the loop', () => {
  it('wakes a blocking run() waiting in Atomics.wait with nothing scheduled', () => {
    const trace: string[] = [];
    const delivery = run(function* () {
      trace.push('waiting');
      const d = yield* awaitWorker(40);
      trace.push(`got ${d.value}`);
      return d;
    });
    expect(trace).toEqual(['waiting', 'got 42']);
    expect(delivery.receivedAt).toBeGreaterThanOrEqual(delivery.sentAt);
  });

  it('wakes a host-mode run (runAsync) through the cell, with no port listener', async () => {
    const trace: string[] = [];
    const delivery = await runAsync(function* () {
      trace.push('waiting');
      const d = yield* awaitWorker(40);
      trace.push(`got ${d.value}`);
      return d;
    });
    expect(trace).toEqual(['waiting', 'got 42']);
    expect(delivery.value).toBe(42);
  });

  it('keeps other tasks running while the worker works', () => {
    const trace: string[] = [];
    run(function* () {
      const loop = getRunningLoop();
      loop.callLater(0.01, () => trace.push('timer 10ms'));
      const d = yield* awaitWorker(60);
      trace.push(`got ${d.value}`);
    });
    expect(trace).toEqual(['timer 10ms', 'got 42']);
  });

  it('names outside work that ended without delivering in the deadlock error', () => {
    let error: unknown;
    try {
      run(function* () {
        yield* awaitWorker(10, 'die');
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toMatch(
      /^Event loop would block forever: runUntilComplete\(\) waits on <Task pending/,
    );
    expect((error as Error).message).toMatch(
      /outside work ended without delivering its result: worker computing 42 \(the worker died\)$/,
    );
  });

  it('raises the deadlock error at once when no outside work is registered', () => {
    expect(() =>
      run(function* () {
        const loop = getRunningLoop();
        wakeCellOf(loop);
        addWakeSource(loop, () => {});
        yield* loop.createFuture();
      }),
    ).toThrow(/Event loop would block forever/);
  });

  it('runs each wake source once after it is added and after each notification', () => {
    const loop = new EventLoop();
    const polls: string[] = [];
    const remove = addWakeSource(loop, () => polls.push(`poll at ${loop.time() >= 0}`));
    loop.callSoon(() => {
      polls.push('callback');
      notifyWakeCell(wakeCellOf(loop));
      loop.callSoon(() => loop.stop());
    });
    loop.runForever();
    remove();
    notifyWakeCell(wakeCellOf(loop));
    loop.callSoon(() => loop.stop());
    loop.runForever();
    loop.close();
    expect(polls).toEqual(['poll at true', 'callback', 'poll at true']);
  });

  it('reports an exception thrown by a wake source to the exception handler', () => {
    const loop = new EventLoop();
    const reported: string[] = [];
    loop.setExceptionHandler((_l, context) =>
      reported.push(`${context.message}: ${(context.exception as Error).message}`),
    );
    addWakeSource(loop, () => {
      throw new Error('bad source');
    });
    loop.callSoon(() => loop.stop());
    loop.runForever();
    loop.close();
    expect(reported).toEqual(['Exception in a wake source: bad source']);
  });

  it('rejects bad arguments with a TypeError', () => {
    const loop = new EventLoop();
    expect(() => addWakeSource(loop, 5 as never)).toThrow(
      'addWakeSource() expects a function, got number',
    );
    expect(() => beginOutsideWork(loop, null as never)).toThrow(
      'beginOutsideWork() expects a description string, got object',
    );
    loop.close();
  });
});
