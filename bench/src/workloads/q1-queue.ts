/**
 * Q1 queue: n items through one bounded queue of 100, from 4 producer tasks (n/4 items each)
 * to 4 consumer tasks (n/4 gets each). Producers wait while it is full, consumers while empty.
 */
import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { Queue } from '@asyncio-ts/queues';
import { Effect, Queue as EffectQueue, Fiber } from 'effect';
import * as effection from 'effection';
import { outcome, type Workload } from '../workload.js';

export const CAPACITY = 100;
export const PRODUCERS = 4;
export const CONSUMERS = 4;

/** The sum every implementation must report: each producer puts 0 … n/4 - 1. */
export function expectedSum(n: number): number {
  const each = n / PRODUCERS;
  return (PRODUCERS * each * (each - 1)) / 2;
}

/** asyncio-ts: `Queue(100)`, `yield* q.put(i)` / `yield* q.get()`. Returns the sum taken. */
export function asyncioTsQueue(n: number): number {
  return run(function* () {
    const loop = getRunningLoop();
    const queue = new Queue<number>(CAPACITY);
    const each = n / PRODUCERS;
    let sum = 0;
    function* producer(): Coroutine<void> {
      for (let i = 0; i < each; i++) yield* queue.put(i);
    }
    function* consumer(): Coroutine<void> {
      for (let i = 0; i < n / CONSUMERS; i++) {
        const item = yield* queue.get();
        sum += item;
      }
    }
    const tasks: Task<void>[] = [];
    for (let p = 0; p < PRODUCERS; p++) tasks.push(loop.createTask(producer()));
    for (let c = 0; c < CONSUMERS; c++) tasks.push(loop.createTask(consumer()));
    for (const task of tasks) yield* task;
    return sum;
  });
}

/** The floor: a hand-written bounded FIFO queue for async functions (ring buffer + resolvers). */
class NativeQueue<T> {
  private readonly items: (T | undefined)[];
  private head = 0;
  private size = 0;
  private readonly getters: ((item: T) => void)[] = [];
  private readonly putters: (() => void)[] = [];

  constructor(private readonly capacity: number) {
    this.items = new Array(capacity);
  }

  async put(item: T): Promise<void> {
    while (this.size === this.capacity) {
      await new Promise<void>((resolve) => this.putters.push(resolve));
    }
    const getter = this.getters.shift();
    if (getter !== undefined) {
      getter(item); // hand the item straight to a waiting consumer
      return;
    }
    this.items[(this.head + this.size) % this.capacity] = item;
    this.size++;
  }

  get(): T | Promise<T> {
    if (this.size === 0) return new Promise<T>((resolve) => this.getters.push(resolve));
    const item = this.items[this.head] as T;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.size--;
    this.putters.shift()?.();
    return item;
  }
}

/** Native: async functions on the hand-written queue. */
export async function nativeQueue(n: number): Promise<number> {
  const queue = new NativeQueue<number>(CAPACITY);
  const each = n / PRODUCERS;
  let sum = 0;
  async function producer(): Promise<void> {
    for (let i = 0; i < each; i++) await queue.put(i);
  }
  async function consumer(): Promise<void> {
    for (let i = 0; i < n / CONSUMERS; i++) {
      const item = await queue.get(); // not `sum += await …`: that reads sum before waiting
      sum += item;
    }
  }
  const all: Promise<void>[] = [];
  for (let p = 0; p < PRODUCERS; p++) all.push(producer());
  for (let c = 0; c < CONSUMERS; c++) all.push(consumer());
  await Promise.all(all);
  return sum;
}

/**
 * Effection: one `createQueue()` shared by the consumers (`yield* queue.next()`). Effection's
 * queues are unbounded (`add()` never waits; with a million items queued its `add` is
 * O(queue length)), so the bound of 100 is added by hand, as its users would: a producer waits
 * on a `withResolvers()` that a consumer resolves when it makes room.
 */
export function effectionQueue(n: number): Promise<number> {
  return effection.run(function* () {
    const queue = effection.createQueue<number, void>();
    const each = n / PRODUCERS;
    let sum = 0;
    let inQueue = 0;
    let room = effection.withResolvers<void>();
    function* producer(): effection.Operation<void> {
      for (let i = 0; i < each; i++) {
        while (inQueue >= CAPACITY) yield* room.operation;
        inQueue++;
        queue.add(i);
      }
    }
    function* consumer(): effection.Operation<void> {
      for (let i = 0; i < n / CONSUMERS; i++) {
        const next = yield* queue.next();
        inQueue--;
        if (inQueue === CAPACITY - 1) {
          const made = room;
          room = effection.withResolvers<void>();
          made.resolve();
        }
        if (!next.done) sum += next.value;
      }
    }
    const tasks: effection.Task<void>[] = [];
    for (let c = 0; c < CONSUMERS; c++) tasks.push(yield* effection.spawn(consumer));
    for (let p = 0; p < PRODUCERS; p++) tasks.push(yield* effection.spawn(producer));
    for (const task of tasks) yield* task;
    return sum;
  });
}

/** Effect: `Queue.bounded(100)`, 4 producer and 4 consumer fibers (`offer` / `take`). */
export function effectQueue(n: number): Promise<number> {
  return Effect.runPromise(
    Effect.gen(function* () {
      const queue = yield* EffectQueue.bounded<number>(CAPACITY);
      const each = n / PRODUCERS;
      let sum = 0;
      const producer = Effect.gen(function* () {
        for (let i = 0; i < each; i++) yield* EffectQueue.offer(queue, i);
      });
      const consumer = Effect.gen(function* () {
        for (let i = 0; i < n / CONSUMERS; i++) {
          const item = yield* EffectQueue.take(queue);
          sum += item;
        }
      });
      const fibers: Fiber.Fiber<void>[] = [];
      for (let p = 0; p < PRODUCERS; p++) fibers.push(yield* Effect.forkChild(producer));
      for (let c = 0; c < CONSUMERS; c++) fibers.push(yield* Effect.forkChild(consumer));
      yield* Fiber.joinAll(fibers);
      return sum;
    }),
  );
}

const summed = (n: number, sum: number) => outcome(sum === expectedSum(n));

export const q1: Workload = {
  id: 'Q1',
  title: 'queue',
  description:
    'n items through one Queue(100): 4 producer tasks put n/4 items each, 4 consumer tasks get n/4 each.',
  kind: 'time',
  size: { full: { n: 1_000_000, span: 0 }, quick: { n: 10_000, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `Queue(100)`',
      run: ({ n }) => summed(n, asyncioTsQueue(n)),
    },
    {
      id: 'native',
      library: 'native',
      label: 'native async functions + hand-written bounded queue',
      run: async ({ n }) => summed(n, await nativeQueue(n)),
    },
    {
      id: 'effection',
      library: 'effection',
      label: 'Effection `createQueue` + a bound of 100 by hand (`withResolvers`)',
      run: async ({ n }) => summed(n, await effectionQueue(n)),
    },
    {
      id: 'effect',
      library: 'effect',
      label: 'Effect `Queue.bounded(100)`',
      run: async ({ n }) => summed(n, await effectQueue(n)),
    },
    {
      id: 'cpython',
      library: 'cpython',
      label: 'CPython `asyncio.Queue(100)`',
      impl: 'queue',
    },
  ],
  notes: [
    'Effection has no bounded queue: `createQueue()` is unbounded and `add()` never waits (unbounded, its `add` costs O(queue length) once a million items are queued, and the row did not finish in minutes), so its producers wait on a `withResolvers()` that consumers resolve when there is room. `createChannel()` is a broadcast (every subscriber gets every item), not a work queue shared by consumers: not used.',
    'Memory per queued item: W7 (`queued item` rows).',
  ],
};
