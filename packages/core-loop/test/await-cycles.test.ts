import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  run,
  runAsync,
  type Task,
} from '../src/index.js';
import { runScript } from './child-process.js';
import { JumpClock, sleep } from './support.js';

/** A awaits B while B awaits A; main cancels A after both are parked. */
function* cycleOfTwo(log: string[]): Coroutine<string[]> {
  const loop = getRunningLoop();
  const tasks: Task<string>[] = [];
  function* waiter(name: string, other: () => Task<string>): Coroutine<string> {
    yield* sleep(0);
    try {
      return yield* other();
    } catch (error) {
      log.push(`${name} got ${(error as Error).name}`);
      throw error;
    }
  }
  const a = loop.createTask(
    waiter('A', () => tasks[1] as Task<string>),
    { name: 'A' },
  );
  const b = loop.createTask(
    waiter('B', () => tasks[0] as Task<string>),
    { name: 'B' },
  );
  tasks.push(a, b);
  yield* sleep(1);
  log.push(`cancel A: ${a.cancel()}`);
  yield* sleep(1);
  return [a.cancelled(), b.cancelled()].map(String);
}

describe('await cycles', () => {
  it('cancel() of A (A awaits B awaits A) walks without recursion and ends both', () => {
    const log: string[] = [];
    const result = run(() => cycleOfTwo(log), { clock: new JumpClock() });
    expect(log).toEqual(['cancel A: true', 'B got CancelledError', 'A got CancelledError']);
    expect(result).toEqual(['true', 'true']);
  });

  it('the same under runAsync: the promise settles, the process survives', async () => {
    const log: string[] = [];
    const result = await runAsync(() => cycleOfTwo(log), { clock: new JumpClock() });
    expect(log).toEqual(['cancel A: true', 'B got CancelledError', 'A got CancelledError']);
    expect(result).toEqual(['true', 'true']);
  });

  it('a cycle left alone fails run() instead of hanging; shutdown cancels its tasks', () => {
    let a: Task<void> | null = null;
    function* main(): Coroutine<void> {
      const loop = getRunningLoop();
      const tasks: Task<void>[] = [];
      function* waiter(i: number): Coroutine<void> {
        yield* sleep(0);
        yield* tasks[i] as Task<void>;
      }
      tasks.push(loop.createTask(waiter(1)), loop.createTask(waiter(0)));
      a = tasks[0] as Task<void>;
      yield* a;
    }
    expect(() => run(main, { clock: new JumpClock() })).toThrow(/deadlock/);
    expect((a as unknown as Task<void>).cancelled()).toBe(true);
  });

  it('a cycle left alone rejects a runAsync() run; the process does not crash', () => {
    const { stdout, status } = runScript(`
      import { runAsync, getRunningLoop } from CORE;
      function* main() {
        const loop = getRunningLoop();
        const tasks = [];
        function* waiter(i) { yield; yield* tasks[i]; }
        tasks.push(loop.createTask(waiter(1)), loop.createTask(waiter(0)));
        yield* tasks[0];
      }
      runAsync(main).then(
        () => console.log('resolved'),
        (error) => console.log('rejected', error.name, /deadlock/.test(error.message)),
      );
    `);
    expect(stdout).toBe('rejected RuntimeError true\n');
    expect(status).toBe(0);
  });

  it('cancel() through a deep chain of 20,000 awaiting tasks does not overflow the stack', () => {
    const depth = 20_000;
    const result = run(
      function* () {
        const loop = getRunningLoop();
        let next: Task<number> | null = null;
        function* link(inner: Task<number> | null): Coroutine<number> {
          if (inner === null) {
            yield* sleep(100);
            return 0;
          }
          return (yield* inner) + 1;
        }
        for (let i = 0; i < depth; i++) next = loop.createTask(link(next));
        const top = next as Task<number>;
        yield* sleep(1);
        top.cancel();
        try {
          yield* top;
        } catch (error) {
          return error instanceof CancelledError;
        }
        return false;
      },
      { clock: new JumpClock() },
    );
    expect(result).toBe(true);
  });
});
