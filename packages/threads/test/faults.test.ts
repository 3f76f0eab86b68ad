import { ThreadPoolExecutor, WorkerDiedError } from '@asyncio-ts/threads';
import { describe, expect, it } from 'vitest';
import { MODES, runIn, work } from './support.js';

/** Runs `exportName` on a one-worker pool, then `whoAmI` twice: the death and the new worker. */
function dieAndRecover(mode: (typeof MODES)[number], exportName: string, ...args: unknown[]) {
  const pool = new ThreadPoolExecutor({
    maxWorkers: 1,
    resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 },
  });
  return runIn(mode, function* () {
    const before = yield* pool.submit<number>(work, 'whoAmI');
    let died: unknown = null;
    try {
      yield* pool.submit(work, exportName, ...args);
    } catch (error) {
      died = error;
    }
    const after = yield* pool.submit<number>(work, 'whoAmI');
    const sum = yield* pool.submit<number>(work, 'add', 20, 22);
    yield* pool.shutdown();
    return { died: died as WorkerDiedError, replaced: before !== after, sum };
  });
}

describe.each(MODES)('a worker that dies, in %s', (mode) => {
  it('process.exit() fails the future with WorkerDiedError; a new worker takes over', async () => {
    const { died, replaced, sum } = await dieAndRecover(mode, 'exitNow', 3);
    expect(died).toBeInstanceOf(WorkerDiedError);
    expect(died.message).toBe(
      `the worker thread running "exitNow" from ${work.href} died before it returned: it exited with code 3 (process.exit() in the worker?)`,
    );
    expect(died.exitCode).toBe(3);
    expect(replaced).toBe(true);
    expect(sum).toBe(42);
  });

  it('an uncaught error in the worker (outside the call) is named, with the error as cause', async () => {
    const { died, replaced, sum } = await dieAndRecover(mode, 'crashLater', 'timer blew up');
    expect(died).toBeInstanceOf(WorkerDiedError);
    expect(died.message).toBe(
      `the worker thread running "crashLater" from ${work.href} died before it returned: an uncaught Error ended it: timer blew up`,
    );
    expect((died.cause as Error).message).toBe('timer blew up');
    expect(replaced).toBe(true);
    expect(sum).toBe(42);
  });

  it('running out of memory says so', async () => {
    const { died, replaced, sum } = await dieAndRecover(mode, 'exhaustMemory');
    expect(died).toBeInstanceOf(WorkerDiedError);
    expect(died.message).toBe(
      `the worker thread running "exhaustMemory" from ${work.href} died before it returned: it ran out of memory`,
    );
    expect((died.cause as Error & { code: string }).code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    expect(replaced).toBe(true);
    expect(sum).toBe(42);
  });

  it('work sent ahead to a worker that dies before starting it runs on the new worker', async () => {
    const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
    const [died, sum] = await runIn(mode, function* () {
      const dying = pool.submit(work, 'exitNow', 5);
      const next = pool.submit<number>(work, 'add', 40, 2);
      let died = '';
      try {
        yield* dying;
      } catch (error) {
        died = (error as Error).name;
      }
      const sum = yield* next;
      yield* pool.shutdown();
      return [died, sum];
    });
    expect(died).toBe('WorkerDiedError');
    expect(sum).toBe(42);
  });
});
