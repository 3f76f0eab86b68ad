import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type Coroutine,
  EventLoop,
  getRunningLoop,
  RuntimeError,
  run,
  runAsync,
} from '../src/index.js';
import { JumpClock, sleep, thrown } from './support.js';

/** Runs `body` with `process.env` replaced by `env`. */
function withProcessEnv<T>(env: object, body: () => T): T {
  const saved = Object.getOwnPropertyDescriptor(process, 'env') as PropertyDescriptor;
  Object.defineProperty(process, 'env', { value: env, configurable: true, writable: true });
  try {
    return body();
  } finally {
    Object.defineProperty(process, 'env', saved);
  }
}

/** An env that throws on every read, as Deno's does without --allow-env (NotCapable). */
const refusingEnv = new Proxy(
  {},
  {
    get(): never {
      throw new Error('NotCapable: Requires env access to "ASYNCIO_TS_DEBUG"');
    },
  },
);

describe('ASYNCIO_TS_DEBUG is read without needing a permission', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('Deno without --allow-env: a loop is made, no prompt, debug off', () => {
    const get = vi.fn(() => {
      throw new Error('NotCapable');
    });
    vi.stubGlobal('Deno', {
      permissions: { querySync: () => ({ state: 'prompt' }) },
      env: { get },
    });
    const loop = withProcessEnv(refusingEnv, () => new EventLoop());
    expect(loop.getDebug()).toBe(false);
    expect(get).not.toHaveBeenCalled();
    loop.close();
  });

  it('Deno with --allow-env: ASYNCIO_TS_DEBUG=1 turns debug mode on', () => {
    vi.stubGlobal('Deno', {
      permissions: { querySync: () => ({ state: 'granted' }) },
      env: { get: (name: string) => (name === 'ASYNCIO_TS_DEBUG' ? '1' : undefined) },
    });
    const loop = new EventLoop();
    expect(loop.getDebug()).toBe(true);
    loop.close();
  });

  it('a runtime whose env refuses reads: debug off, no error', () => {
    const loop = withProcessEnv(refusingEnv, () => new EventLoop());
    expect(loop.getDebug()).toBe(false);
    loop.close();
  });

  it('Node: ASYNCIO_TS_DEBUG=1 turns debug mode on, 0 and empty do not', () => {
    for (const [value, debug] of [
      ['1', true],
      ['0', false],
      ['', false],
    ] as const) {
      const loop = withProcessEnv({ ASYNCIO_TS_DEBUG: value }, () => new EventLoop());
      expect(loop.getDebug()).toBe(debug);
      loop.close();
    }
  });
});

describe('a thread that cannot block (a browser main thread)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Atomics.wait as a browser main thread has it: it always throws. */
  function forbidBlocking(): void {
    vi.spyOn(Atomics, 'wait').mockImplementation(() => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    });
  }

  function* tasks(log: string[]): Coroutine<string> {
    const loop = getRunningLoop();
    const started = [1, 2, 3, 4].map((n) =>
      loop.createTask(
        (function* () {
          log.push(`Start Task ${n}`);
          yield* sleep(n);
        })(),
      ),
    );
    for (const task of started) yield* task;
    return 'done';
  }

  it('a real-time run() refuses before running anything', () => {
    forbidBlocking();
    const log: string[] = [];
    const error = thrown(() => run(() => tasks(log)));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.message).toMatch(/^cannot block this thread: .* use runAsync\(\)/);
    expect(log).toEqual([]);
  });

  it('a run on a virtual clock, and runAsync() on real time, still work there', async () => {
    forbidBlocking();
    const log: string[] = [];
    expect(run(() => tasks(log), { clock: new JumpClock() })).toBe('done');
    expect(
      await runAsync(function* () {
        yield* sleep(0.01);
        return 'host';
      }),
    ).toBe('host');
    expect(log).toHaveLength(4);
  });
});
