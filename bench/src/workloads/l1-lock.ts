/**
 * L1 lock: 10 tasks each do `rounds` times: acquire one shared Lock, give up the turn once
 * (a bare yield, asyncio's `await asyncio.sleep(0)`), count, release. Every acquisition after
 * the first waits in the lock's FIFO queue, so each round is a wait and a wake-up.
 */
import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { type Acquirable, Lock, Semaphore } from '@asyncio-ts/locks';
import { Effect, Semaphore as EffectSemaphore, Fiber } from 'effect';
import { outcome, type Workload } from '../workload.js';

export const TASKS = 10;

/**
 * asyncio-ts: 10 tasks doing `yield* lock.acquire(); yield; count++; lock.release()` on the
 * primitive `make()` returns. Returns the rounds counted.
 */
function asyncioTsRounds(make: () => Acquirable, rounds: number): number {
  return run(function* () {
    const loop = getRunningLoop();
    const lock = make();
    let count = 0;
    function* worker(): Coroutine<void> {
      for (let i = 0; i < rounds; i++) {
        yield* lock.acquire();
        yield;
        count++;
        lock.release();
      }
    }
    const tasks: Task<void>[] = [];
    for (let t = 0; t < TASKS; t++) tasks.push(loop.createTask(worker()));
    for (const task of tasks) yield* task;
    return count;
  });
}

/** asyncio-ts on a `Lock`. */
export const asyncioTsLock = (rounds: number): number => asyncioTsRounds(() => new Lock(), rounds);

/** asyncio-ts on a `Semaphore(1)`. */
export const asyncioTsSemaphore = (rounds: number): number =>
  asyncioTsRounds(() => new Semaphore(1), rounds);

/** The floor: a hand-written FIFO mutex for async functions (a queue of resolvers). */
class NativeMutex {
  private locked = false;
  private readonly waiters: (() => void)[] = [];
  private head = 0;

  acquire(): Promise<void> | undefined {
    if (!this.locked) {
      this.locked = true;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    if (this.head < this.waiters.length) {
      const next = this.waiters[this.head] as () => void;
      this.waiters[this.head++] = undefined as unknown as () => void;
      if (this.head === this.waiters.length) {
        this.waiters.length = 0;
        this.head = 0;
      }
      next(); // the lock passes straight to the next waiter
    } else {
      this.locked = false;
    }
  }
}

/** Native: async functions, `await mutex.acquire(); await null; mutex.release()`. */
export async function nativeMutex(rounds: number): Promise<number> {
  const mutex = new NativeMutex();
  let count = 0;
  async function worker(): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      const wait = mutex.acquire();
      if (wait !== undefined) await wait;
      await null;
      count++;
      mutex.release();
    }
  }
  const workers: Promise<void>[] = [];
  for (let t = 0; t < TASKS; t++) workers.push(worker());
  await Promise.all(workers);
  return count;
}

/** Effect: 10 fibers, `Semaphore.withPermit(sem, yieldNow + count)` on `Semaphore.make(1)`. */
export function effectSemaphore(rounds: number): Promise<number> {
  return Effect.runPromise(
    Effect.gen(function* () {
      const sem = yield* EffectSemaphore.make(1);
      let count = 0;
      const critical = Effect.gen(function* () {
        yield* Effect.yieldNow;
        count++;
      });
      const worker = Effect.gen(function* () {
        for (let i = 0; i < rounds; i++) yield* EffectSemaphore.withPermit(sem, critical);
      });
      const fibers: Fiber.Fiber<void>[] = [];
      for (let t = 0; t < TASKS; t++) fibers.push(yield* Effect.forkChild(worker));
      yield* Fiber.joinAll(fibers);
      return count;
    }),
  );
}

const counted = (rounds: number, count: number) => outcome(count === rounds * TASKS);

export const l1: Workload = {
  id: 'L1',
  title: 'lock',
  description:
    '10 tasks each do n rounds of acquire one shared Lock, a bare yield, release (10·n waits and wake-ups).',
  kind: 'time',
  size: { full: { n: 100_000, span: 0 }, quick: { n: 1_000, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `Lock` + bare `yield`',
      run: ({ n }) => counted(n, asyncioTsLock(n)),
    },
    {
      id: 'asyncio-ts-semaphore',
      library: 'asyncio-ts',
      label: 'asyncio-ts `Semaphore(1)` + bare `yield`',
      run: ({ n }) => counted(n, asyncioTsSemaphore(n)),
    },
    {
      id: 'native',
      library: 'native',
      label: 'native async functions + hand-written FIFO mutex + `await null`',
      run: async ({ n }) => counted(n, await nativeMutex(n)),
    },
    {
      id: 'effect',
      library: 'effect',
      label: 'Effect `Semaphore.make(1)` + `withPermit` + `yieldNow`',
      run: async ({ n }) => counted(n, await effectSemaphore(n)),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `asyncio.Lock` + `sleep(0)`',
      impl: 'lock',
    },
  ],
  notes: [
    'Effection has no lock or semaphore (its primitives are channels, signals and queues; a lock built from them would measure that construction, not a library primitive): not measured.',
    'Effect has no separate mutex: a one-permit `Semaphore` is its lock.',
    'Memory per task waiting on a Lock: W7 (`lock waiter` rows).',
  ],
};
