import { afterEach, describe, expect, it } from 'vitest';
import {
  type Coroutine,
  currentTask,
  EventLoop,
  getRunningLoop,
  Runner,
  RuntimeError,
  run,
  type Task,
} from '../src/index.js';
import { registry } from '../src/registry.js';
import { JumpClock, sleep, thrown } from './support.js';

afterEach(() => {
  expect(registry.running).toBe(null);
});

describe('Runner', () => {
  it('makes its loop lazily and keeps it across run() calls', () => {
    const runner = new Runner({ clock: new JumpClock() });
    const loop = runner.getLoop();
    expect(runner.getLoop()).toBe(loop);
    expect(registry.current).toBe(loop);
    const a = runner.run(
      (function* () {
        yield* sleep(1);
        return getRunningLoop();
      })(),
    );
    const b = runner.run(
      (function* () {
        yield* sleep(1);
        return getRunningLoop();
      })(),
    );
    expect(a).toBe(loop);
    expect(b).toBe(loop);
    expect(loop.time()).toBe(2);
    runner.close();
    expect(loop.isClosed()).toBe(true);
    expect(registry.current).toBe(null);
  });

  it('lets tasks started in one run() go on in the next', () => {
    const out: string[] = [];
    const runner = new Runner({ clock: new JumpClock() });
    let background: Task<void> | null = null;
    runner.run(
      (function* () {
        background = getRunningLoop().createTask(
          (function* (): Coroutine<void> {
            for (let i = 0; i < 3; i++) {
              yield* sleep(1);
              out.push(`tick ${i}`);
            }
          })(),
        );
        yield* sleep(1.5);
      })(),
    );
    expect(out).toEqual(['tick 0']);
    runner.run(
      (function* () {
        yield* background as unknown as Task<void>;
      })(),
    );
    expect(out).toEqual(['tick 0', 'tick 1', 'tick 2']);
    runner.close();
  });

  it('names the main task with { name }', () => {
    const runner = new Runner({ clock: new JumpClock() });
    const name = runner.run(
      (function* () {
        return currentTask()?.getName();
      })(),
      { name: 'main' },
    );
    expect(name).toBe('main');
    runner.close();
  });

  it("refuses to be used after close() with 'Runner is closed'; close() twice is fine", () => {
    const runner = new Runner();
    runner.getLoop();
    runner.close();
    runner.close();
    const e1 = thrown(() => runner.run((function* () {})()));
    expect(e1).toBeInstanceOf(RuntimeError);
    expect(e1.message).toBe('Runner is closed');
    expect(thrown(() => runner.getLoop()).message).toBe('Runner is closed');
  });

  it('stays usable when closed before its loop was made (as asyncio.Runner)', () => {
    const runner = new Runner();
    runner.close();
    expect(
      runner.run(
        (function* () {
          return 5;
        })(),
      ),
    ).toBe(5);
    runner.close();
    expect(thrown(() => runner.getLoop()).message).toBe('Runner is closed');
  });

  it('cancels the tasks left over when it closes', () => {
    const out: string[] = [];
    const runner = new Runner({ clock: new JumpClock() });
    runner.run(
      (function* () {
        getRunningLoop().createTask(
          (function* (): Coroutine<void> {
            try {
              yield* sleep(100);
            } finally {
              out.push('left-over task cleaned up');
            }
          })(),
        );
        yield;
      })(),
    );
    expect(out).toEqual([]);
    runner.close();
    expect(out).toEqual(['left-over task cleaned up']);
  });

  it('closes with `using`', () => {
    let loop: EventLoop | null = null;
    {
      using runner = new Runner();
      loop = runner.getLoop();
      expect(
        runner.run(
          (function* () {
            return 1;
          })(),
        ),
      ).toBe(1);
    }
    expect((loop as unknown as EventLoop).isClosed()).toBe(true);
  });

  it('uses loopFactory and then leaves the current loop alone', () => {
    const made = new EventLoop({ clock: new JumpClock() });
    const runner = new Runner({ loopFactory: () => made, debug: true });
    expect(runner.getLoop()).toBe(made);
    expect(made.getDebug()).toBe(true);
    expect(registry.current).toBe(null);
    expect(
      runner.run(
        (function* () {
          yield* sleep(3);
          return made.time();
        })(),
      ),
    ).toBe(3);
    runner.close();
    expect(made.isClosed()).toBe(true);
  });

  it('refuses what is not a coroutine, and runs inside a running loop', () => {
    const runner = new Runner();
    const e1 = thrown(() => runner.run((() => {}) as never));
    expect(e1).toBeInstanceOf(RangeError); // asyncio's ValueError
    expect(e1.message).toBe('a coroutine was expected, got <function anonymous>');
    let inner: Error | null = null;
    run(function* () {
      inner = thrown(() => runner.run((function* () {})()));
    });
    expect((inner as unknown as Error).message).toBe(
      'Runner.run() cannot be called from a running event loop',
    );
    runner.close();
  });

  it('can run again after main failed', () => {
    const runner = new Runner({ clock: new JumpClock() });
    const error = thrown(() =>
      runner.run(
        (function* (): Coroutine<void> {
          yield;
          throw new Error('first run fails');
        })(),
      ),
    );
    expect(error.message).toBe('first run fails');
    expect(
      runner.run(
        (function* () {
          yield* sleep(1);
          return 'second run';
        })(),
      ),
    ).toBe('second run');
    runner.close();
  });
});
