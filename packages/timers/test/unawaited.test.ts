import { type Coroutine, run, runAsync } from '@asyncio-ts/core-loop';
import { sleep, timeout, VirtualClock, waitFor } from '@asyncio-ts/timers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbage, nextTurn } from './trace.js';

/** The RuntimeWarning lines console.warn printed, after collections and finalizer turns. */
async function warningsAfterCollection(warn: { mock: { calls: unknown[][] } }, expected: number) {
  const lines = (): string[] =>
    warn.mock.calls
      .map((call) => String(call[0]).split('\n')[0] as string)
      .filter((line) => line.startsWith('RuntimeWarning'));
  for (let i = 0; i < 50 && lines().length < expected; i++) {
    await nextTurn();
    collectGarbage();
    await nextTurn();
  }
  return lines();
}

function* forgetful(): Coroutine<string> {
  sleep(0.1); // forgot yield*
  waitFor(sleep(1), 5); // forgot yield* (the inner sleep is closed by nobody either)
  timeout(1, function* () {});
  yield* sleep(0.2); // awaited: never reported
  return 'done';
}

describe('debug mode reports a library coroutine that was never awaited', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('in a blocking run(): once the run returns and the coroutines are collected', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(run(forgetful, { clock: new VirtualClock(), debug: true })).toBe('done');
    const lines = await warningsAfterCollection(warn, 4);
    expect(lines.sort()).toEqual([
      "RuntimeWarning: coroutine 'sleep' was never awaited",
      "RuntimeWarning: coroutine 'sleep' was never awaited",
      "RuntimeWarning: coroutine 'timeout' was never awaited",
      "RuntimeWarning: coroutine 'waitFor' was never awaited",
    ]);
    expect(String(warn.mock.calls[0]?.[0])).toContain(
      'Coroutine created at (most recent call last):',
    );
  });

  it('in runAsync(), while the loop runs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen = await runAsync(
      function* (): Coroutine<number> {
        sleep(0.1);
        for (let i = 0; i < 50 && warn.mock.calls.length === 0; i++) {
          yield nextTurn();
          collectGarbage();
          yield nextTurn();
        }
        return warn.mock.calls.length;
      },
      { clock: new VirtualClock(), debug: true },
    );
    expect(seen).toBe(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /^RuntimeWarning: coroutine 'sleep' was never awaited\n/,
    );
  });

  it('says nothing outside debug mode', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(run(forgetful, { clock: new VirtualClock(), debug: false })).toBe('done');
    for (let i = 0; i < 5; i++) {
      await nextTurn();
      collectGarbage();
    }
    await nextTurn();
    expect(warn).not.toHaveBeenCalled();
  });
});
