import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awaitPromise,
  CancelledError,
  type Coroutine,
  EventLoop,
  type Future,
  getRunningLoop,
  Runner,
  RuntimeError,
  run,
  runAsync,
} from '../src/index.js';
import { deliverFromHost } from '../src/internal.js';
import { coreBundle, runScript } from './child-process.js';
import { JumpClock, sleep } from './support.js';

function delayed<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** The same program, used to compare host mode with the blocking run. */
function* orderingProgram(trace: string[]): Coroutine<string> {
  const loop = getRunningLoop();
  loop.callSoon(() => trace.push('soon 1'));
  loop.callLater(0.08, () => trace.push('timer 80ms'));
  loop.callLater(0.04, () => trace.push('timer 40ms'));
  loop.callSoon(() => trace.push('soon 2'));
  const worker = function* (name: string, delays: number[]): Coroutine<string> {
    for (const delay of delays) {
      trace.push(`${name} sleeps ${delay}`);
      yield* sleep(delay);
    }
    trace.push(`${name} done`);
    return name;
  };
  const a = loop.createTask(worker('a', [0.06, 0, 0.08]));
  const b = loop.createTask(worker('b', [0.02, 0.16]));
  yield;
  trace.push('main resumed');
  const results = [yield* a, yield* b];
  return results.join('+');
}

/** A host-mode run whose main task waits on `future`, then traces what it got. */
function runWaitingOnFuture() {
  const loop = new EventLoop();
  const trace: string[] = [];
  const future = loop.createFuture<string>();
  const done = loop.runUntilCompleteAsync(
    (function* () {
      const value = yield* future;
      trace.push(`task got ${value}`);
      return value;
    })(),
  );
  return { loop, trace, future, done };
}

describe('host mode (runAsync)', () => {
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      const wait = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('wait') ?? 0);
      setTimeout(() => response.end(`hello ${request.url}`), wait);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  // The whole order is compared on a virtual clock. On the real clock a busy machine may
  // stall the loop for tens of ms (measured: 60 ms and more), and a task that wakes late
  // starts its next sleep late, so events of different tasks due 20-40 ms apart may swap.
  // What no stall changes is compared there: the start (run before any timer), each task's
  // own order, the fixed timers' order, the result, and that no sleep ended early.
  it('runs the same trace as a blocking run, on a virtual and on a real clock', async () => {
    const blockingTrace: string[] = [];
    const blocking = run(() => orderingProgram(blockingTrace), { clock: new JumpClock() });
    const hostTrace: string[] = [];
    const host = await runAsync(() => orderingProgram(hostTrace), { clock: new JumpClock() });
    expect(host).toBe(blocking);
    expect(hostTrace).toEqual(blockingTrace);
    const realTrace: string[] = [];
    const started = performance.now();
    expect(await runAsync(() => orderingProgram(realTrace))).toBe(blocking);
    // b sleeps 0.02 then 0.16 s: the real run cannot end sooner.
    expect(performance.now() - started).toBeGreaterThanOrEqual(170);
    expect(realTrace).toHaveLength(blockingTrace.length);
    expect(realTrace.slice(0, 5)).toEqual(blockingTrace.slice(0, 5));
    for (const who of ['a ', 'b ', 'timer ']) {
      const own = (trace: string[]) => trace.filter((event) => event.startsWith(who));
      expect(own(realTrace)).toEqual(own(blockingTrace));
    }
    expect(blockingTrace).toEqual([
      'soon 1',
      'soon 2',
      'a sleeps 0.06',
      'b sleeps 0.02',
      'main resumed',
      'b sleeps 0.16',
      'timer 40ms',
      'a sleeps 0',
      'a sleeps 0.08',
      'timer 80ms',
      'a done',
      'b done',
    ]);
  });

  it('lets a coroutine yield a native promise and resume with its value', async () => {
    const result = await runAsync(function* () {
      const value = yield* awaitPromise(delayed(5, 'from the host'));
      return `${value}!`;
    });
    expect(result).toBe('from the host!');
  });

  it('throws a rejected promise into the coroutine', async () => {
    const seen = await runAsync(function* () {
      try {
        yield* awaitPromise(Promise.reject(new Error('boom')));
        return 'no error';
      } catch (error) {
        return `caught ${(error as Error).message}`;
      }
    });
    expect(seen).toBe('caught boom');
  });

  it('stops waiting for a promise when the task is cancelled and ignores its late value', async () => {
    const trace: string[] = [];
    await runAsync(function* () {
      const loop = getRunningLoop();
      const waiter = loop.createTask(
        (function* () {
          try {
            const value = yield* awaitPromise(delayed(30, 'late'));
            trace.push(`got ${value}`);
          } catch (error) {
            trace.push(`cancelled: ${(error as Error).name} ${(error as Error).message}`);
            throw error;
          }
        })(),
      );
      yield* sleep(0.005);
      waiter.cancel('no more waiting');
      try {
        yield* waiter;
      } catch (error) {
        trace.push(`main saw ${(error as Error).name}, cancelled=${waiter.cancelled()}`);
      }
      yield* awaitPromise(delayed(40, null));
      trace.push('after the late settlement');
    });
    expect(trace).toEqual([
      'cancelled: CancelledError no more waiting',
      'main saw CancelledError, cancelled=true',
      'after the late settlement',
    ]);
  });

  it('lets native code await a Task and a Future', async () => {
    const runner = new Runner();
    const loop = runner.getLoop();
    const task = loop.createTask(
      (function* () {
        yield* sleep(0.01);
        return 42;
      })(),
    );
    const [viaAwait, viaRun] = await Promise.all([task, runner.runAsync(sleepThen(0.02, 'main'))]);
    expect(viaAwait).toBe(42);
    expect(viaRun).toBe('main');
    await runner.closeAsync();
  });

  it('does real I/O: HTTP requests with fetch, concurrently, and file reads', async () => {
    const started = performance.now();
    const bodies = await runAsync(function* () {
      const loop = getRunningLoop();
      const requests = ['/a?wait=200', '/b?wait=200', '/c?wait=200'].map((path) =>
        loop.createTask(
          (function* () {
            const response = yield* awaitPromise(fetch(`${base}${path}`));
            return yield* awaitPromise(response.text());
          })(),
        ),
      );
      const file = yield* awaitPromise(
        readFile(new URL('../package.json', import.meta.url), 'utf8'),
      );
      const texts: string[] = [];
      for (const request of requests) texts.push(yield* request);
      return [...texts, JSON.parse(file).name as string];
    });
    const elapsed = performance.now() - started;
    expect(bodies).toEqual([
      'hello /a?wait=200',
      'hello /b?wait=200',
      'hello /c?wait=200',
      '@asyncio-ts/core-loop',
    ]);
    // The three 200 ms requests overlap: one after another they would take 600 ms or more.
    expect(elapsed).toBeLessThan(550);
  });

  it('times out a slow request with a deadline timer and cancels the waiting task', async () => {
    const outcome = await runAsync(function* () {
      const loop = getRunningLoop();
      const request = loop.createTask(
        (function* () {
          const response = yield* awaitPromise(fetch(`${base}/slow?wait=2000`));
          return yield* awaitPromise(response.text());
        })(),
      );
      const timer = loop.callLater(0.05, () => request.cancel('deadline'));
      try {
        return yield* request;
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      } finally {
        timer.cancel();
      }
    });
    expect(outcome).toBe('CancelledError: deadline');
  });

  it('is woken by callSoonThreadsafe from a host callback while nothing is scheduled', async () => {
    const value = await runAsync(function* () {
      const loop = getRunningLoop();
      const future: Future<string> = loop.createFuture();
      setTimeout(() => loop.callSoonThreadsafe(() => future.setResult('woken')), 10);
      return yield* future;
    });
    expect(value).toBe('woken');
  });

  it('keeps the host responsive while ready work keeps coming', async () => {
    let hostTicks = 0;
    const interval = setInterval(() => hostTicks++, 1);
    const spins = await runAsync(function* () {
      const started = performance.now();
      let count = 0;
      while (performance.now() - started < 150) {
        yield;
        count++;
      }
      return count;
    });
    clearInterval(interval);
    expect(spins).toBeGreaterThan(50);
    // A loop that never yielded to the host would let the 1 ms interval fire 0 times.
    expect(hostTicks).toBeGreaterThanOrEqual(3);
  });

  it('counts the loop as running only inside its slices', async () => {
    const runner = new Runner();
    const loop = runner.getLoop();
    const pending = runner.runAsync(sleepThen(0.02, 'done'));
    expect(loop.isRunning()).toBe(true);
    expect(() => getRunningLoop()).toThrow(new RuntimeError('no running event loop'));
    expect(await pending).toBe('done');
    expect(loop.isRunning()).toBe(false);
    await runner.closeAsync();
  });

  it('refuses a blocking run that yields a native promise, saying to use runAsync', () => {
    expect(() => run(() => awaitPromise(Promise.resolve(1)))).toThrow(
      /yielded a Promise in a blocking run.*use runAsync\(\)/,
    );
  });

  it('refuses to start while the loop already runs', async () => {
    const loop = new EventLoop({ clock: new JumpClock() });
    const first = loop.runUntilCompleteAsync(sleepThen(1, 'x'));
    await expect(loop.runUntilCompleteAsync(sleepThen(1, 'y'))).rejects.toThrow(
      'This event loop is already running',
    );
    await first;
    loop.close();
  });

  it('deliverFromHost runs the slice it wakes before it returns, ahead of microtasks', async () => {
    const { loop, trace, future, done } = runWaitingOnFuture();
    setTimeout(() => {
      queueMicrotask(() => trace.push('microtask'));
      deliverFromHost(
        loop,
        (value: string) => {
          trace.push('deliver');
          future.setResult(value);
        },
        'x',
      );
      trace.push('after deliverFromHost');
    }, 5);
    expect(await done).toBe('x');
    expect(trace).toEqual(['deliver', 'task got x', 'after deliverFromHost', 'microtask']);
    loop.close();
  });

  it('deliverFromHost inside another running loop leaves the slice to a microtask', async () => {
    const { loop, trace, future, done } = runWaitingOnFuture();
    setTimeout(() => {
      const other = new EventLoop();
      other.runUntilComplete(
        other.createTask(
          (function* () {
            deliverFromHost(loop, (value: string) => future.setResult(value), 'y');
            trace.push(`inside the other loop, running: ${getRunningLoop() === other}`);
          })(),
        ),
      );
      trace.push('other loop done');
      other.close();
    }, 5);
    expect(await done).toBe('y');
    expect(trace).toEqual([
      'inside the other loop, running: true',
      'other loop done',
      'task got y',
    ]);
    loop.close();
  });

  it('deliverFromHost outside host mode only calls the callback', () => {
    const loop = new EventLoop();
    const calls: number[] = [];
    deliverFromHost(loop, (n: number) => calls.push(n), 7);
    expect(calls).toEqual([7]);
    loop.close();
  });

  it('cancels the leftover tasks on exit and reports a cancelled main task', async () => {
    const trace: string[] = [];
    await expect(
      runAsync(function* () {
        const loop = getRunningLoop();
        loop.createTask(
          (function* () {
            try {
              yield* awaitPromise(delayed(1000, null));
            } finally {
              trace.push('leftover cleaned up');
            }
          })(),
        );
        yield;
        throw new CancelledError('main gave up');
      }),
    ).rejects.toThrow(CancelledError);
    expect(trace).toEqual(['leftover cleaned up']);
  });
});

function* sleepThen<T>(delay: number, value: T): Coroutine<T> {
  yield* sleep(delay);
  return value;
}

describe('host mode in a separate process', () => {
  const { bundle } = coreBundle();

  it('rejects instead of ending silently when nothing can ever wake the loop', () => {
    const { stdout, status } = runScript(`
      import { runAsync } from CORE;
      runAsync(function* () {
        const loop = (yield* (function* () { return undefined; })(), null);
        const f = (await0 => await0)(null);
        return 1;
      }).then(() => {});
      import { getRunningLoop } from CORE;
      runAsync(function* () { const f = getRunningLoop().createFuture(); return yield* f; })
        .then((v) => console.log('resolved', v), (e) => console.log('rejected:', e.name, e.message));
    `);
    expect(status).toBe(0);
    expect(stdout).toContain('rejected: RuntimeError Event loop would block forever');
    expect(stdout).toContain('waits on <Task pending');
  });

  it('cancels the main task on Ctrl-C (SIGINT) and rejects with KeyboardInterrupt', () => {
    const { stdout } = runScript(`
      import { runAsync, getRunningLoop } from CORE;
      setTimeout(() => process.kill(process.pid, 'SIGINT'), 50);
      runAsync(function* () {
        const loop = getRunningLoop();
        const f = loop.createFuture();
        loop.callLater(5, () => f.setResult('too late'));
        try { return yield* f; } catch (e) { console.log('main got', e.name); throw e; }
      }).then((v) => console.log('resolved', v), (e) => console.log('rejected:', e.name));
    `);
    expect(stdout).toBe('main got CancelledError\nrejected: KeyboardInterrupt\n');
  });

  it('bundles one registry shared by two copies of the package', () => {
    expect(readFileSync(bundle, 'utf8')).toContain('asyncio-ts.core-loop.registry.v1');
  });
});
