/**
 * asyncio.gather: runs awaitables concurrently and collects their results in argument order,
 * plus `limit` (beyond asyncio): at most `limit` of the coroutines started at once.
 */
import {
  type Awaitable,
  type Coroutine,
  type EventLoop,
  Future,
  getEventLoop,
  isCoroutine,
  isFuture,
} from '@asyncio-ts/core-loop';
import {
  asCoroutine,
  cancelledResultOf,
  hasDoneCallback,
  isAwaitableObject,
  isClaimed,
  loopCancelledError,
  makeCancelledError,
  ownOption,
  repr,
} from '@asyncio-ts/core-loop/internal';
import { type AwaitedOf, loopFor, toFuture } from './awaitable.js';

/** Options of the array form `gather(aws, options)`. */
export interface GatherOptions {
  /** Failures and cancellations take their places in the results instead of failing the gather. */
  returnExceptions?: boolean;
  /** Start at most this many of the coroutines at once, in argument order (beyond asyncio). */
  limit?: number;
}

/** The results of gathering the awaitables `A`, place by place: `[A, B, C]` for a tuple. */
export type GatherResults<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: AwaitedOf<A[K]>;
};

/**
 * The results with `returnExceptions: true`: each place holds its result or what its
 * awaitable failed with (a CancelledError for a cancelled one).
 */
export type GatherResultsOrErrors<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: AwaitedOf<A[K]> | Error;
};

/** Anything gather accepts in one place. */
export type GatherArgument = Awaitable<unknown> | PromiseLike<unknown>;

/**
 * asyncio's `_GatheringFuture`: the future `gather()` returns. `cancel()` cancels every
 * child still running (and closes coroutines a `limit` kept from starting) instead of
 * marking itself cancelled at once; the gather then ends with a CancelledError.
 */
export class GatheringFuture<T> extends Future<T> {
  /** The gather's bookkeeping: a true private field, so no sibling can reach it. */
  readonly #gather: GatherState | null;

  /** @internal Made by gather(). */
  constructor(loop: EventLoop, state: GatherState | null) {
    super({ loop });
    this.#gather = state;
  }

  /** Cancels the children; true if any was cancelled (asyncio's `_GatheringFuture.cancel`). */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    const state = this.#gather;
    if (state === null) return false;
    const cancelled = state.cancelChildren(msg);
    // As in asyncio (bpo-32684): once a child was cancelled, the gather ends cancelled
    // even with returnExceptions.
    if (cancelled) state.cancelRequested = true;
    return cancelled;
  }
}

/** @internal The bookkeeping of one gather: one shared done callback, O(1) work per child. */
export class GatherState {
  /** The outer future (set right after construction). */
  outer!: GatheringFuture<unknown[]>;
  /**
   * Futures in argument order (duplicates share one); `undefined` while a limit holds it back.
   * `complete()` turns it into the results.
   */
  readonly children: (Future<unknown> | undefined)[];
  readonly returnExceptions: boolean;
  /** Distinct children, and how many of them are done. */
  total = 0;
  finished = 0;
  cancelRequested = false;
  /** A bad argument made gather() throw: callbacks already scheduled do nothing. */
  abandoned = false;
  readonly loop: EventLoop;
  readonly onDone: (future: Future<unknown>) => void;

  // Only with `limit`: coroutines not started yet (in argument order) and their positions.
  readonly limit: number;
  running = 0;
  queue: Coroutine<unknown>[] | null = null;
  queuePositions: number[] | null = null;
  queueHead = 0;
  /** [position, first position] of duplicates of a coroutine not started when seen. */
  aliases: number[] | null = null;
  readonly onLimitedDone: ((future: Future<unknown>) => void) | null = null;

  constructor(loop: EventLoop, size: number, returnExceptions: boolean, limit: number) {
    this.loop = loop;
    this.children = new Array(size);
    this.returnExceptions = returnExceptions;
    this.limit = limit;
    this.onDone = (future) => this.childDone(future);
    if (limit !== Number.POSITIVE_INFINITY) {
      this.onLimitedDone = (future) => {
        this.running--;
        this.childDone(future);
        if (this.outer.done()) this.closeQueued();
        else this.startQueued();
      };
    }
  }

  /** asyncio's `_done_callback` in gather. */
  childDone(future: Future<unknown>): void {
    if (this.abandoned) return;
    this.finished++;
    const outer = this.outer;
    if (outer.done()) {
      // Mark the exception retrieved: the gather has already reported its outcome.
      if (!future.cancelled()) future.exception();
      return;
    }
    if (!this.returnExceptions) {
      if (future.cancelled()) {
        outer.setException(makeCancelledError(future));
        return;
      }
      const exception = future.exception();
      if (exception !== null) {
        outer.setException(exception);
        return;
      }
    }
    if (this.finished === this.total) this.complete();
  }

  /** Every child is done: the results in argument order (or the first failure left). */
  complete(): void {
    const outer = this.outer;
    const children = this.children;
    const aliases = this.aliases;
    if (aliases !== null) {
      for (let i = 0; i < aliases.length; i += 2) {
        children[aliases[i] as number] = children[aliases[i + 1] as number];
      }
    }
    const returnExceptions = this.returnExceptions;
    const n = children.length;
    // The results take the children's places in their array (each read before it is
    // overwritten): no second array of n places (800 KB for W1's 100,000 children).
    const results = children as unknown[];
    let last: Future<unknown> | undefined;
    for (let i = 0; i < n; i++) {
      const child = children[i] as Future<unknown>;
      last = child;
      if (child.cancelled()) {
        // asyncio builds a fresh CancelledError from the cancel message here; the one a
        // task's coroutine ended with is used when it has that message (README: Differences).
        results[i] = cancelledResultOf(child);
        continue;
      }
      try {
        results[i] = child.result();
      } catch (error) {
        // Only a child that threw `null` reaches this without returnExceptions.
        if (!returnExceptions) {
          outer.setException(error);
          return;
        }
        results[i] = error;
      }
    }
    if (this.cancelRequested) {
      // asyncio takes the CancelledError of the last child in argument order.
      const child = last as Future<unknown>;
      outer.setException(child.cancelled() ? makeCancelledError(child) : loopCancelledError(''));
    } else {
      outer.setResult(results);
    }
  }

  /** GatheringFuture.cancel: cancels started children, closes queued coroutines. */
  cancelChildren(msg: string | undefined): boolean {
    let cancelled = false;
    const children = this.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child?.cancel(msg)) cancelled = true;
    }
    const queue = this.queue;
    if (queue !== null && this.queueHead < queue.length) {
      const positions = this.queuePositions as number[];
      for (let i = this.queueHead; i < queue.length; i++) {
        (queue[i] as Coroutine<unknown>).return(undefined);
        // The place of a coroutine that never started holds a cancelled future.
        const placeholder = this.loop.createFuture<unknown>();
        placeholder.cancel(msg);
        children[positions[i] as number] = placeholder;
        placeholder.addDoneCallback(this.onDone);
        cancelled = true;
      }
      this.queueHead = queue.length;
    }
    return cancelled;
  }

  /**
   * With a limit: starts queued coroutines, in argument order, while fewer than limit run.
   * Not a Semaphore around each coroutine (what an asyncio user would write): that makes all n
   * tasks up front, each waiting on the semaphore, and measured 3.5–6× slower for 100,000
   * coroutines with limits of 10 and 1,000; here at most `limit` tasks exist at once.
   */
  startQueued(): void {
    const queue = this.queue;
    if (queue === null) return;
    const positions = this.queuePositions as number[];
    const onLimitedDone = this.onLimitedDone as (future: Future<unknown>) => void;
    while (this.running < this.limit && this.queueHead < queue.length) {
      const head = this.queueHead++;
      const coro = queue[head] as Coroutine<unknown>;
      queue[head] = DONE_CORO;
      const task = this.loop.createTask(coro);
      this.children[positions[head] as number] = task;
      this.running++;
      task.addDoneCallback(onLimitedDone);
    }
  }

  /** The gather is done: coroutines it never started are closed, never started. */
  closeQueued(): void {
    const queue = this.queue;
    if (queue === null) return;
    for (let i = this.queueHead; i < queue.length; i++) {
      (queue[i] as Coroutine<unknown>).return(undefined);
      queue[i] = DONE_CORO;
    }
    this.queueHead = queue.length;
  }
}

function* finishedCoroutine(): Coroutine<undefined> {
  return undefined;
}
// Replaces started coroutines in the queue so that it holds no references to them.
const DONE_CORO: Coroutine<unknown> = finishedCoroutine();

/**
 * asyncio.gather with no argument: a Future already done with `[]`.
 */
export function gather(): GatheringFuture<[]>;
/**
 * asyncio.gather, array form with `returnExceptions: true`: every awaitable of `aws` runs to
 * its end, and each place of the result holds its value or what it failed with (a
 * CancelledError for a cancelled one); `limit` starts at most that many coroutines at once.
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { gather } from '@asyncio-ts/gather';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   function* fails() {
 *     yield* sleep(1);
 *     throw new Error('boom');
 *   }
 *   const [a, b] = yield* gather([sleep(2, 'a'), fails()], { returnExceptions: true });
 *   console.log(a, b); // 'a' Error: boom
 * });
 * ```
 */
export function gather<const A extends readonly GatherArgument[]>(
  aws: A,
  options: GatherOptions & { returnExceptions: true },
): GatheringFuture<GatherResultsOrErrors<A>>;
/**
 * asyncio.gather, array form: a Future of the results of `aws` in argument order, typed
 * place by place. The first failure fails the gather (the others keep running); `limit`
 * (beyond asyncio) starts at most that many coroutines at once, in argument order.
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { gather } from '@asyncio-ts/gather';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   const delays = [3, 1, 2];
 *   const results = yield* gather(delays.map((d) => sleep(d, d)), { limit: 2 });
 *   console.log(results); // [3, 1, 2], at t=3
 * });
 * ```
 */
export function gather<const A extends readonly GatherArgument[]>(
  aws: A,
  options?: GatherOptions & { returnExceptions?: false },
): GatheringFuture<GatherResults<A>>;
/**
 * asyncio.gather, array form with options known only at run time: the results, or (with
 * `returnExceptions`) the results and failures, in argument order.
 */
export function gather<const A extends readonly GatherArgument[]>(
  aws: A,
  options: GatherOptions,
): GatheringFuture<GatherResults<A> | GatherResultsOrErrors<A>>;
/**
 * asyncio.gather: a Future of the results of the awaitables in argument order, typed place
 * by place (`gather(a, b)` gives `[A, B]`). Coroutines are wrapped in Tasks; the same
 * awaitable twice runs once. The first failure (or cancelled child) fails the gather while
 * the others keep running; cancelling the gather cancels the children.
 *
 * @example
 * ```ts
 * import { run } from '@asyncio-ts/core-loop';
 * import { gather } from '@asyncio-ts/gather';
 * import { sleep } from '@asyncio-ts/timers';
 *
 * run(function* () {
 *   const [n, s] = yield* gather(sleep(1, 1), sleep(2, 'two')); // [number, string]
 *   console.log(n, s); // 1 two, at t=2 (not 3: they run concurrently)
 * });
 * ```
 */
export function gather<A extends GatherArgument[]>(...aws: A): GatheringFuture<GatherResults<A>>;
export function gather(...args: unknown[]): GatheringFuture<unknown[]> {
  if (args.length > 0 && Array.isArray(args[0])) {
    if (args.length > 2) {
      throw new TypeError(
        `gather(aws, options) takes at most 2 arguments, got ${args.length}: pass awaitables either as one array or as separate arguments`,
      );
    }
    const { returnExceptions, limit } = readOptions(args[1]);
    return gatherArray(args[0] as readonly unknown[], returnExceptions, limit, true);
  }
  return gatherArray(args, false, Number.POSITIVE_INFINITY, false);
}

function readOptions(options: unknown): { returnExceptions: boolean; limit: number } {
  if (options === undefined) return { returnExceptions: false, limit: Number.POSITIVE_INFINITY };
  if (
    typeof options !== 'object' ||
    options === null ||
    isFuture(options) ||
    isCoroutine(options)
  ) {
    throw new TypeError(
      `gather(aws, options): options must be an object like { returnExceptions, limit }, got ${repr(options)}`,
    );
  }
  const returnExceptions = ownOption(options as GatherOptions, 'returnExceptions');
  const limit = ownOption(options as GatherOptions, 'limit');
  if (returnExceptions !== undefined && typeof returnExceptions !== 'boolean') {
    throw new TypeError(
      `gather(): returnExceptions must be a boolean, got ${repr(returnExceptions)}`,
    );
  }
  if (limit !== undefined) {
    if (typeof limit !== 'number') {
      throw new TypeError(`gather(): limit must be a positive integer, got ${repr(limit)}`);
    }
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`gather(): limit must be a positive integer, got ${repr(limit)}`);
    }
  }
  return {
    returnExceptions: returnExceptions === true,
    limit: limit ?? Number.POSITIVE_INFINITY,
  };
}

const whereInArray = (index: number): string => `gather(): aws[${index}]`;
const whereArgument = (index: number): string => `gather() argument ${index + 1}`;

function gatherArray(
  args: readonly unknown[],
  returnExceptions: boolean,
  limit: number,
  inArray: boolean,
): GatheringFuture<unknown[]> {
  const n = args.length;
  if (n === 0) {
    const outer = new GatheringFuture<unknown[]>(getEventLoop(), null);
    outer.setResult([]);
    return outer;
  }
  // As asyncio: the loop of the first argument if it is a future, else the current loop.
  const loop = loopFor(args[0], getEventLoop);
  const state = new GatherState(loop, n, returnExceptions, limit);
  const outer = new GatheringFuture<unknown[]>(loop, state);
  state.outer = outer;
  const children = state.children;
  const limited = limit !== Number.POSITIVE_INFINITY;
  const onDone = state.onDone;
  const where = inArray ? whereInArray : whereArgument;
  // The same awaitable twice runs once. Checking every argument against a Set cost ~8% of W1's
  // CPU time (issue 24), so an argument is only looked up once it may repeat an earlier one
  // (`mayRepeat`); from the first such argument on, a Map of first positions (built once).
  let firstPositions: Map<unknown, number> | null = limited ? new Map() : null;
  let distinct = 0;
  try {
    for (let i = 0; i < n; i++) {
      const arg = args[i];
      const coroutine = isCoroutine(arg);
      if (firstPositions === null && (coroutine ? isClaimed(arg) : mayRepeat(arg, onDone))) {
        firstPositions = firstPositionsOf(args, i);
      }
      if (firstPositions !== null) {
        let first = firstPositions.get(arg);
        if (first === undefined) {
          first = i;
          firstPositions.set(arg, i);
        }
        if (first !== i) {
          const child = children[first];
          if (child !== undefined) children[i] = child;
          else {
            if (state.aliases === null) state.aliases = [];
            state.aliases.push(i, first);
          }
          continue;
        }
      }
      distinct++;
      if (limited && (coroutine || (!isFuture(arg) && isAwaitableObject(arg)))) {
        if (state.queue === null) {
          state.queue = [];
          state.queuePositions = [];
        }
        state.queue.push(asCoroutine(arg));
        (state.queuePositions as number[]).push(i);
        continue;
      }
      // A coroutine becomes a task at once (what toFuture does for it, without its checks).
      const child = coroutine ? loop.createTask(arg) : toFuture(arg, loop, where, i);
      children[i] = child;
      child.addDoneCallback(onDone);
    }
  } catch (error) {
    abandon(state, args);
    throw error;
  }
  state.total = distinct;
  if (limited) state.startQueued();
  return outer;
}

/**
 * A bad argument stopped gather() half-way: nothing has run yet, so the tasks it made are
 * cancelled before their first step (no coroutine body runs) and its callbacks are removed.
 */
function abandon(state: GatherState, args: readonly unknown[]): void {
  state.abandoned = true;
  const children = state.children;
  const handled = new Set<Future<unknown>>();
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === undefined || handled.has(child)) continue;
    handled.add(child);
    child.removeDoneCallback(state.onDone);
    if (child !== args[i]) child.cancel();
  }
  state.closeQueued();
}

/**
 * For an argument that is not a coroutine: false when it is surely not an earlier argument of
 * this gather, a pending future without the gather's callback (each earlier future got it).
 * Anything else may repeat one and is looked up. (A coroutine may repeat one once a task has
 * taken it: gather's tasks take theirs.)
 */
function mayRepeat(arg: unknown, onDone: (future: Future<unknown>) => void): boolean {
  if (!isFuture(arg)) return true;
  return (
    arg.done() ||
    arg.addDoneCallback !== Future.prototype.addDoneCallback ||
    hasDoneCallback(arg, onDone)
  );
}

/** The first position of each argument among `args[0..end]`. */
function firstPositionsOf(args: readonly unknown[], end: number): Map<unknown, number> {
  const positions = new Map<unknown, number>();
  for (let i = 0; i <= end; i++) {
    if (!positions.has(args[i])) positions.set(args[i], i);
  }
  return positions;
}
