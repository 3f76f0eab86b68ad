import { type Coroutine, getRunningLoop, run, runAsync } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { awaitWorker } from '@asyncio-ts/test-support/wake-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { JumpClock, sleep } from './support.js';

afterEach(() => revert());

describe('a nested run woken by a real worker thread (the wake path)', () => {
  function* main(trace: string[]): Coroutine<string> {
    const loop = getRunningLoop();
    loop.callLater(1, () => trace.push('outer timer'));
    // The nested run has nothing scheduled but the worker: it waits on the wake cell
    // instead of raising the deadlock error, and the virtual clock does not jump meanwhile.
    const delivery = loop.runUntilComplete(awaitWorker(30));
    trace.push(`nested run got ${delivery.value} at ${loop.time()}`);
    yield* sleep(2);
    return trace.join(', ');
  }

  it('in a blocking run()', () => {
    apply();
    const trace: string[] = [];
    expect(run(main(trace), { clock: new JumpClock() })).toBe(
      'nested run got 42 at 0, outer timer',
    );
  });

  it('in a host-mode run (runAsync())', async () => {
    apply();
    const trace: string[] = [];
    await expect(runAsync(main(trace), { clock: new JumpClock() })).resolves.toBe(
      'nested run got 42 at 0, outer timer',
    );
  });
});
