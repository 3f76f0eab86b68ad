/**
 * W7 memory: heap bytes per pending object, measured as the heap delta (after a full GC)
 * over n objects, divided by n. Three kinds of object:
 * - a pending task: a started task suspended on one future that all n tasks share;
 * - a sleeping task: a started task suspended in a one-hour sleep (task + its timer);
 * - a pending timer: `callLater(3600, cb)` / `setTimeout(cb, 3.6e6)` with a shared cb.
 * The array holding the n objects is allocated before the first measurement.
 */
import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { Lock } from '@asyncio-ts/locks';
import { Queue } from '@asyncio-ts/queues';
import { sleep } from '@asyncio-ts/timers';
import { Deferred, Effect, Fiber } from 'effect';
import * as effection from 'effection';
import { type NodeImplementation, outcome, type Workload } from '../workload.js';

const HOUR = 3600;

/** Returns the heap in use, after a full GC when the process runs with `--expose-gc`. */
export type HeapSample = () => number;

/** Heap bytes in use, after two full GCs when `gc` is exposed. */
export const heapUsed: HeapSample = () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
};

/** A packed array of n nulls: filling it later allocates nothing. */
function slots<T>(n: number): (T | null)[] {
  const out: (T | null)[] = [];
  for (let i = 0; i < n; i++) out.push(null);
  return out;
}

const noop = (): void => {};

/** asyncio-ts: bytes per task suspended on a shared `loop.createFuture()`. */
export function asyncioTsTask(n: number, sample: HeapSample): number {
  return run(function* () {
    const loop = getRunningLoop();
    const never = loop.createFuture<void>();
    const held = slots<Task<void>>(n);
    function* waiter(): Coroutine<void> {
      yield* never;
    }
    const before = sample();
    for (let i = 0; i < n; i++) held[i] = loop.createTask(waiter());
    yield* sleep(0);
    const after = sample();
    never.setResult();
    yield* gather(held as Task<void>[]);
    return (after - before) / n;
  });
}

/** asyncio-ts: bytes per task suspended in `sleep(3600)`. */
export function asyncioTsSleepingTask(n: number, sample: HeapSample): number {
  return run(function* () {
    const loop = getRunningLoop();
    const held = slots<Task<void>>(n);
    const before = sample();
    for (let i = 0; i < n; i++) held[i] = loop.createTask(sleep(HOUR));
    yield* sleep(0);
    const after = sample();
    for (const task of held) task?.cancel();
    yield* gather(held as Task<void>[], { returnExceptions: true });
    return (after - before) / n;
  });
}

/** asyncio-ts: bytes per `loop.callLater(3600, cb)`. */
export function asyncioTsTimer(n: number, sample: HeapSample): number {
  return run(function* () {
    const loop = getRunningLoop();
    const held = slots<{ cancel(): void }>(n);
    const before = sample();
    for (let i = 0; i < n; i++) held[i] = loop.callLater(HOUR, noop);
    const after = sample();
    for (const handle of held) handle?.cancel();
    yield* sleep(0);
    return (after - before) / n;
  });
}

/** Native: bytes per async function suspended on a shared promise. */
export async function nativeTask(n: number, sample: HeapSample): Promise<number> {
  let release = noop;
  const never = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held = slots<Promise<void>>(n);
  async function waiter(): Promise<void> {
    await never;
  }
  const before = sample();
  for (let i = 0; i < n; i++) held[i] = waiter();
  await null;
  const after = sample();
  release();
  await Promise.all(held);
  return (after - before) / n;
}

/** Native: bytes per async function suspended on a one-hour `setTimeout` promise. */
export async function nativeSleepingTask(n: number, sample: HeapSample): Promise<number> {
  const timers = slots<ReturnType<typeof setTimeout>>(n);
  const held = slots<Promise<void>>(n);
  async function sleeper(i: number): Promise<void> {
    await new Promise<void>((resolve) => {
      timers[i] = setTimeout(resolve, HOUR * 1000);
    });
  }
  const before = sample();
  for (let i = 0; i < n; i++) held[i] = sleeper(i);
  await null;
  const after = sample();
  for (const timer of timers) clearTimeout(timer ?? undefined);
  return (after - before) / n;
}

/** Native: bytes per `setTimeout(cb, 3.6e6)`. */
export function nativeTimer(n: number, sample: HeapSample): number {
  const held = slots<ReturnType<typeof setTimeout>>(n);
  const before = sample();
  for (let i = 0; i < n; i++) held[i] = setTimeout(noop, HOUR * 1000);
  const after = sample();
  for (const timer of held) clearTimeout(timer ?? undefined);
  return (after - before) / n;
}

/** Effection: bytes per spawned task suspended on a shared `withResolvers()` operation. */
export function effectionTask(n: number, sample: HeapSample): Promise<number> {
  return effection.run(function* () {
    const never = effection.withResolvers<void>();
    const held = slots<effection.Task<void>>(n);
    const before = sample();
    for (let i = 0; i < n; i++) held[i] = yield* effection.spawn(() => never.operation);
    yield* effection.sleep(0);
    const after = sample();
    never.resolve();
    for (const task of held) if (task !== null) yield* task;
    return (after - before) / n;
  });
}

/** Effection: bytes per spawned task suspended in `sleep(3.6e6)`. */
export function effectionSleepingTask(n: number, sample: HeapSample): Promise<number> {
  return effection.run(function* () {
    const held = slots<effection.Task<void>>(n);
    const before = sample();
    for (let i = 0; i < n; i++)
      held[i] = yield* effection.spawn(() => effection.sleep(HOUR * 1000));
    yield* effection.sleep(0);
    const after = sample();
    // Returning halts the children: structured concurrency.
    return (after - before) / n;
  });
}

/** Effect: bytes per forked fiber suspended on a shared `Deferred`. */
export function effectTask(n: number, sample: HeapSample): Promise<number> {
  return Effect.runPromise(
    Effect.gen(function* () {
      const never = yield* Deferred.make<void>();
      const held = slots<Fiber.Fiber<void>>(n);
      const before = sample();
      for (let i = 0; i < n; i++) held[i] = yield* Effect.forkChild(Deferred.await(never));
      yield* Effect.yieldNow;
      const after = sample();
      yield* Deferred.succeed(never, undefined);
      yield* Fiber.joinAll(held as Fiber.Fiber<void>[]);
      return (after - before) / n;
    }),
  );
}

/** Effect: bytes per forked fiber suspended in `Effect.sleep('1 hour')`. */
export function effectSleepingTask(n: number, sample: HeapSample): Promise<number> {
  return Effect.runPromise(
    Effect.gen(function* () {
      const held = slots<Fiber.Fiber<void>>(n);
      const before = sample();
      for (let i = 0; i < n; i++) held[i] = yield* Effect.forkChild(Effect.sleep('1 hour'));
      yield* Effect.yieldNow;
      const after = sample();
      yield* Fiber.interruptAll(held as Fiber.Fiber<void>[]);
      return (after - before) / n;
    }),
  );
}

/** asyncio-ts: bytes per task waiting in `lock.acquire()` on a held Lock. */
export function asyncioTsLockWaiter(n: number, sample: HeapSample): number {
  return run(function* () {
    const loop = getRunningLoop();
    const lock = new Lock();
    yield* lock.acquire();
    const held = slots<Task<true>>(n);
    const before = sample();
    for (let i = 0; i < n; i++) held[i] = loop.createTask(lock.acquire());
    yield* sleep(0);
    const after = sample();
    for (const task of held) task?.cancel();
    yield* gather(held as Task<true>[], { returnExceptions: true });
    return (after - before) / n;
  });
}

/** asyncio-ts: bytes per item waiting in an unbounded `Queue` (the items exist before). */
export function asyncioTsQueuedItem(n: number, sample: HeapSample): number {
  const queue = new Queue<number>();
  const items = Array.from({ length: n }, (_, i) => i * 1.5); // heap numbers, made beforehand
  const before = sample();
  for (const item of items) queue.putNowait(item);
  const after = sample();
  return queue.qsize() === n ? (after - before) / n : Number.NaN;
}

/** Native: bytes per item pushed on a plain array (the floor of any queue). */
export function nativeQueuedItem(n: number, sample: HeapSample): number {
  const queue: number[] = [];
  const items = Array.from({ length: n }, (_, i) => i * 1.5);
  const before = sample();
  for (const item of items) queue.push(item);
  const after = sample();
  return queue.length === n ? (after - before) / n : Number.NaN;
}

type Measure = (n: number, sample: HeapSample) => number | Promise<number>;

function row(
  id: string,
  library: NodeImplementation['library'],
  label: string,
  baseline: string,
  measure: Measure,
): NodeImplementation {
  return {
    id,
    library,
    label,
    baseline,
    run: async ({ n }) => {
      const bytes = await measure(n, heapUsed);
      return outcome(Number.isFinite(bytes), { bytes });
    },
  };
}

export const w7: Workload = {
  id: 'W7',
  title: 'memory',
  description:
    'heap bytes per pending task (suspended on a shared future), per sleeping task and per pending timer.',
  kind: 'memory',
  size: { full: { n: 100_000, span: 0 }, quick: { n: 1_000, span: 0 } },
  nodeFlags: ['--expose-gc'],
  runs: 3,
  budgetMs: 0,
  implementations: [
    row('asyncio-ts', 'asyncio-ts', 'asyncio-ts pending task', 'asyncio-ts', asyncioTsTask),
    row('native', 'native', 'native pending async function', 'asyncio-ts', nativeTask),
    row('effection', 'effection', 'Effection pending task', 'asyncio-ts', effectionTask),
    row('effect', 'effect', 'Effect pending fiber', 'asyncio-ts', effectTask),
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython pending task',
      baseline: 'asyncio-ts',
      impl: 'task',
    },
    row(
      'asyncio-ts-sleeping',
      'asyncio-ts',
      'asyncio-ts sleeping task',
      'asyncio-ts-sleeping',
      asyncioTsSleepingTask,
    ),
    row(
      'native-sleeping',
      'native',
      'native async function awaiting `setTimeout`',
      'asyncio-ts-sleeping',
      nativeSleepingTask,
    ),
    row(
      'effection-sleeping',
      'effection',
      'Effection sleeping task',
      'asyncio-ts-sleeping',
      effectionSleepingTask,
    ),
    row(
      'effect-sleeping',
      'effect',
      'Effect sleeping fiber',
      'asyncio-ts-sleeping',
      effectSleepingTask,
    ),
    {
      id: 'cpython-sleeping',
      library: 'cpython',
      label: 'CPython sleeping task',
      baseline: 'asyncio-ts-sleeping',
      impl: 'sleeping_task',
    },
    row(
      'asyncio-ts-timer',
      'asyncio-ts',
      'asyncio-ts `callLater` timer',
      'asyncio-ts-timer',
      asyncioTsTimer,
    ),
    row('native-timer', 'native', 'native `setTimeout` timer', 'asyncio-ts-timer', nativeTimer),
    {
      id: 'cpython-timer',
      library: 'cpython',
      label: 'CPython `call_later` timer',
      baseline: 'asyncio-ts-timer',
      impl: 'timer',
    },
    row(
      'asyncio-ts-lock-waiter',
      'asyncio-ts',
      'asyncio-ts task waiting on a `Lock`',
      'asyncio-ts-lock-waiter',
      asyncioTsLockWaiter,
    ),
    {
      id: 'cpython-lock-waiter',
      library: 'cpython',
      label: 'CPython task waiting on an `asyncio.Lock`',
      baseline: 'asyncio-ts-lock-waiter',
      impl: 'lock_waiter',
    },
    row(
      'asyncio-ts-queued-item',
      'asyncio-ts',
      'asyncio-ts item in a `Queue`',
      'asyncio-ts-queued-item',
      asyncioTsQueuedItem,
    ),
    row(
      'native-queued-item',
      'native',
      'native item in an array',
      'asyncio-ts-queued-item',
      nativeQueuedItem,
    ),
    {
      id: 'cpython-queued-item',
      library: 'cpython',
      label: 'CPython item in an `asyncio.Queue`',
      baseline: 'asyncio-ts-queued-item',
      impl: 'queued_item',
    },
  ],
  notes: [
    'Lock waiter: the task, its coroutine and its waiter future (the `acquire()` coroutine of a task whose lock is held). Queued item: what the queue adds per item; the items themselves exist before.',
    'Node: `process.memoryUsage().heapUsed` after `gc()` (child run with `--expose-gc`); CPython: `tracemalloc` traced bytes.',
    'Effection and Effect have no bare timer object apart from a sleeping task: no timer rows.',
  ],
};
