import { describe, expect, it } from 'vitest';
import {
  type Coroutine,
  getRunningLoop,
  RuntimeError,
  run,
  runAsync,
  type Task,
} from '../src/index.js';
import { JumpClock, sleep, thrown } from './support.js';

function* answer(): Coroutine<number> {
  yield* sleep(1);
  return 42;
}

/** The outcome of a task as a user would print it. */
function outcome(task: Task<unknown>): string {
  const error = task.exception();
  return error === null
    ? `result ${String(task.result())}`
    : `${(error as Error).name}: ${(error as Error).message}`;
}

function* twoTasksOneCoroutine(): Coroutine<string[]> {
  const loop = getRunningLoop();
  const coro = answer();
  const first = loop.createTask(coro);
  const second = loop.createTask(coro);
  yield* sleep(2);
  const finished = answer();
  yield* loop.createTask(finished);
  const third = loop.createTask(finished);
  yield* sleep(0);
  return [outcome(first), outcome(second), outcome(third)];
}

const EXPECTED = [
  'result 42',
  'RuntimeError: cannot reuse already awaited coroutine',
  'RuntimeError: cannot reuse already awaited coroutine',
];

describe("coroutine reuse fails at once with asyncio's RuntimeError", () => {
  it('in a blocking run: a second task on a driven or finished coroutine fails, the first is untouched', () => {
    expect(run(twoTasksOneCoroutine, { clock: new JumpClock() })).toEqual(EXPECTED);
  });

  it('in runAsync', async () => {
    expect(await runAsync(twoTasksOneCoroutine, { clock: new JumpClock() })).toEqual(EXPECTED);
  });

  it('run() of a coroutine that an earlier run() finished', () => {
    const coro = answer();
    expect(run(coro, { clock: new JumpClock() })).toBe(42);
    const error = thrown(() => run(coro, { clock: new JumpClock() }));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toBe('cannot reuse already awaited coroutine');
  });
});
