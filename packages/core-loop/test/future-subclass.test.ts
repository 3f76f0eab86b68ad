import { describe, expect, it } from 'vitest';
import {
  type Coroutine,
  type DoneCallback,
  Future,
  getRunningLoop,
  run,
  runAsync,
} from '../src/index.js';
import { JumpClock, sleep } from './support.js';

/** A Future subclass that logs every done callback given to it and every call of one. */
class LoggingFuture<T> extends Future<T> {
  constructor(readonly log: string[]) {
    super({ loop: getRunningLoop() });
  }
  override addDoneCallback(callback: DoneCallback<T>): void {
    this.log.push('addDoneCallback');
    super.addDoneCallback((future) => {
      this.log.push('callback called');
      callback(future);
    });
  }
}

function* awaitSubclass(log: string[]): Coroutine<string> {
  const loop = getRunningLoop();
  const resolved = new LoggingFuture<string>(log);
  loop.callLater(1, () => resolved.setResult('value'));
  const value = yield* resolved;
  const failed = new LoggingFuture<string>(log);
  loop.callLater(1, () => failed.setException(new Error('boom')));
  try {
    yield* failed;
  } catch (error) {
    log.push(`caught ${(error as Error).message}`);
  }
  const cancelled = new LoggingFuture<string>(log);
  const waiter = loop.createTask(
    (function* (): Coroutine<string> {
      try {
        return yield* cancelled;
      } catch (error) {
        return `waiter got ${(error as Error).name}`;
      }
    })(),
  );
  yield* sleep(1);
  waiter.cancel();
  log.push(yield* waiter);
  return value;
}

const EXPECTED = [
  'addDoneCallback',
  'callback called',
  'addDoneCallback',
  'callback called',
  'caught boom',
  'addDoneCallback',
  'callback called',
  'waiter got CancelledError',
];

describe("a task awaiting a Future subclass calls the subclass's addDoneCallback", () => {
  it('in a blocking run: result, exception and cancellation all go through it', () => {
    const log: string[] = [];
    expect(run(() => awaitSubclass(log), { clock: new JumpClock() })).toBe('value');
    expect(log).toEqual(EXPECTED);
  });

  it('in runAsync', async () => {
    const log: string[] = [];
    expect(await runAsync(() => awaitSubclass(log), { clock: new JumpClock() })).toBe('value');
    expect(log).toEqual(EXPECTED);
  });
});
