import {
  type Awaitable,
  type Coroutine,
  type EventLoop,
  getRunningLoop,
  run,
  type Task,
} from '@asyncio-ts/core-loop';
import { VirtualClock } from '@asyncio-ts/timers';

/** What a test prints: `t=<loop time> <message>`, like the notebook's lines with times. */
export class Trace {
  readonly lines: string[] = [];
  constructor(private readonly loop: () => EventLoop) {}
  log(message: string): void {
    this.lines.push(`t=${this.loop().time()} ${message}`);
  }
}

/** Runs `main(trace)` with `run()` on a fresh VirtualClock; returns its result and the trace. */
export function runVirtual<T>(
  main: (trace: Trace) => Coroutine<T>,
  options?: { start?: number },
): { result: T; lines: string[]; clock: VirtualClock } {
  const clock = new VirtualClock(options?.start === undefined ? {} : { start: options.start });
  const trace = new Trace(getRunningLoop);
  const result = run(() => main(trace), { clock });
  return { result, lines: trace.lines, clock };
}

/** Awaits every task in order and returns their results (a stand-in for gather). */
export function* all<T>(tasks: Task<T>[]): Coroutine<T[]> {
  const results: T[] = [];
  for (const task of tasks) results.push(yield* task);
  return results;
}

/** Starts `coro` as a task on the running loop. */
export function spawn<T>(coro: Coroutine<T>, name?: string): Task<T> {
  return getRunningLoop().createTask(coro, name === undefined ? {} : { name });
}

/** Runs `body` and returns what it threw (fails the test if it did not throw). */
export function* caught(body: Awaitable<unknown>): Coroutine<unknown> {
  try {
    yield* body;
  } catch (error) {
    return error;
  }
  throw new Error('expected the body to throw');
}
