import type { Coroutine, Future } from '@asyncio-ts/core-loop';
import { Event, LoopBound } from '@asyncio-ts/locks';
import { Deque } from './deque.js';
import { QueueEmpty, QueueFull, QueueShutDown } from './errors.js';
import { GetCall, PutCall } from './queue-calls.js';

/** Where a queue keeps its items: FIFO here, a heap in PriorityQueue, a stack in LifoQueue. */
export interface QueueStore<T> {
  /** How many items are stored. */
  readonly length: number;
  /** Stores an item (asyncio's `_put`). */
  push(item: T): void;
  /** Takes the next item out (asyncio's `_get`); never called when empty. */
  take(): T;
  /** The items in storage order, for `toString()`. */
  toArray(): T[];
}

/** The FIFO store of `Queue`. */
class FifoStore<T> implements QueueStore<T> {
  private readonly deque = new Deque<T>();
  get length(): number {
    return this.deque.length;
  }
  push(item: T): void {
    this.deque.push(item);
  }
  take(): T {
    return this.deque.shift();
  }
  toArray(): T[] {
    return this.deque.toArray();
  }
}

function checkMaxsize(maxsize: unknown, where: string): number {
  if (typeof maxsize !== 'number' || Number.isNaN(maxsize)) {
    throw new TypeError(
      `${where}: maxsize must be a number, got ${typeof maxsize} ${String(maxsize)}`,
    );
  }
  return maxsize;
}

/**
 * asyncio.Queue: a FIFO queue for producer and consumer tasks. `put()` waits while a bounded
 * queue is full, `get()` while it is empty; waiters are woken in FIFO order and a waiter
 * cancelled just as it was woken passes the wake-up on. `taskDone()`/`join()` count the items
 * still being processed; `shutdown()` (Python 3.13) ends it.
 *
 * @example
 * const queue = new Queue<string>(10);
 * yield* queue.put('job');
 * const job = yield* queue.get();
 * queue.taskDone();
 */
export class Queue<T> extends LoopBound {
  /** @internal */
  readonly _maxsize: number;
  /** @internal Futures of tasks waiting in `get()`. */
  readonly _getters = new Deque<Future<void>>();
  /** @internal Futures of tasks waiting in `put()`. */
  readonly _putters = new Deque<Future<void>>();
  /** @internal */
  _unfinishedTasks = 0;
  /** @internal Set while no task is unfinished. */
  readonly _finished = new Event();
  /** @internal */
  _isShutdown = false;
  /** @internal The items (a subclass installs its own store). */
  _store: QueueStore<T>;

  /** A queue holding at most `maxsize` items (`<= 0`, the default: no limit). */
  constructor(maxsize = 0) {
    super();
    this._maxsize = checkMaxsize(maxsize, `${new.target.name}()`);
    this._finished.set();
    this._store = new FifoStore<T>();
  }

  /** The number of items in the queue. */
  qsize(): number {
    return this._store.length;
  }

  /** The most items the queue holds (`<= 0`: no limit). */
  get maxsize(): number {
    return this._maxsize;
  }

  /** True when the queue holds no item. */
  empty(): boolean {
    return this._store.length === 0;
  }

  /** True when a bounded queue holds `maxsize` items (never for an unbounded one). */
  full(): boolean {
    return this._maxsize > 0 && this._store.length >= this._maxsize;
  }

  /**
   * Puts `item` in the queue, waiting while it is full. Throws `QueueShutDown` once the queue is
   * shut down (also to a task waiting here when that happens).
   */
  put(item: T): Coroutine<void> {
    return new PutCall(this, item);
  }

  /** @internal `put()` once it has to wait (see queue-calls.ts). */
  *_putWaiting(item: T): Coroutine<void> {
    while (this.full()) {
      if (this._isShutdown) throw new QueueShutDown();
      const putter = this.getLoop().createFuture<void>();
      this._putters.push(putter);
      try {
        yield* putter;
      } catch (error) {
        leave(putter, this._putters, !this.full());
        throw error;
      }
    }
    this.putNowait(item);
  }

  /** Puts `item` without waiting: `QueueFull` when full, `QueueShutDown` after shutdown. */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._store.push(item);
    this._unfinishedTasks++;
    this._finished.clear();
    wakeupNext(this._getters);
  }

  /**
   * Takes the next item, waiting while the queue is empty. After `shutdown()` it drains what is
   * left, then throws `QueueShutDown` (at once after `shutdown(true)`).
   */
  get(): Coroutine<T> {
    return new GetCall(this);
  }

  /** @internal `get()` once it has to wait (see queue-calls.ts). */
  *_getWaiting(): Coroutine<T> {
    while (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      const getter = this.getLoop().createFuture<void>();
      this._getters.push(getter);
      try {
        yield* getter;
      } catch (error) {
        leave(getter, this._getters, !this.empty());
        throw error;
      }
    }
    return this.getNowait();
  }

  /** Takes the next item without waiting: `QueueEmpty` when empty (`QueueShutDown` if shut down). */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._store.take();
    wakeupNext(this._putters);
    return item;
  }

  /**
   * Marks one item taken with `get()` as processed; `join()` returns once every item put is.
   * Throws `RangeError('task_done() called too many times')` (asyncio's ValueError).
   */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new RangeError('task_done() called too many times');
    this._unfinishedTasks--;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /** Waits until every item put in the queue has been taken and marked with `taskDone()`. */
  *join(): Coroutine<void> {
    if (this._unfinishedTasks > 0) yield* this._finished.wait();
  }

  /**
   * Python 3.13's `shutdown()`: later `put()`s throw `QueueShutDown`; `get()` drains what is
   * left, then throws it. With `immediate`, the items left are dropped (each counts as done
   * for `join()`) and `get()` throws at once. Every waiting `put()` and `get()` is woken.
   */
  shutdown(immediate = false): void {
    if (typeof immediate !== 'boolean') {
      throw new TypeError(
        `shutdown(immediate): immediate must be a boolean, got ${typeof immediate}`,
      );
    }
    this._isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this._store.take();
        if (this._unfinishedTasks > 0) this._unfinishedTasks--;
      }
      if (this._unfinishedTasks === 0) this._finished.set();
    }
    wakeAll(this._getters);
    wakeAll(this._putters);
  }

  /** asyncio's str(): `<Queue maxsize=2 _queue=[1,2] _getters[1] tasks=2>`. */
  override toString(): string {
    let result = `<${this.constructor.name} maxsize=${this._maxsize}`;
    if (this._store.length > 0) result += ` _queue=${formatItems(this._store.toArray())}`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinishedTasks > 0) result += ` tasks=${this._unfinishedTasks}`;
    if (this._isShutdown) result += ' shutdown';
    return `${result}>`;
  }
}

/**
 * A waiter leaves after an exception (a cancellation): if it had been woken but cannot use the
 * wake-up, the next waiter gets it, so none is lost.
 */
function leave(waiter: Future<void>, waiters: Deque<Future<void>>, canProceed: boolean): void {
  waiter.cancel();
  waiters.remove(waiter);
  if (canProceed && !waiter.cancelled()) wakeupNext(waiters);
}

/** asyncio's `_wakeup_next`: wakes the first waiter that is not done, dropping done ones. */
function wakeupNext(waiters: Deque<Future<void>>): void {
  while (waiters.length > 0) {
    const waiter = waiters.shift();
    if (!waiter.done()) {
      waiter.setResult(undefined);
      return;
    }
  }
}

/** Wakes every waiter (shutdown): each re-checks the queue and throws QueueShutDown. */
function wakeAll(waiters: Deque<Future<void>>): void {
  while (waiters.length > 0) {
    const waiter = waiters.shift();
    if (!waiter.done()) waiter.setResult(undefined);
  }
}

function formatItems(items: unknown[]): string {
  return `[${items.map((item) => (typeof item === 'string' ? `'${item}'` : String(item))).join(', ')}]`;
}
