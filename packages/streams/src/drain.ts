import type { Coroutine, Future, Yielded } from '@asyncio-ts/core-loop';
import { blockOn } from '@asyncio-ts/core-loop/internal';
import type { StreamReaderProtocol } from './stream-protocol.js';
import type { StreamReader } from './stream-reader.js';
import type { Transport } from './transport.js';

/** The result of every `drain()` that ends without a value (never written to). */
const FINISHED: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });
/** The bare yield of a drain on a closing transport (asyncio's `sleep(0)` there). */
const YIELD_TURN: IteratorYieldResult<Yielded> = Object.freeze({ done: false, value: undefined });

const NOT_STARTED = 0;
const GAVE_TURN = 1;
const WAITING = 2;
const FINISHED_STATE = 3;

/**
 * `StreamWriter.drain()`'s coroutine as a small object that acts as its generator would:
 * when first resumed, it throws the reader's exception if any, gives up the turn once on a
 * closing transport (asyncio's `sleep(0)` there), then waits on the protocol's drain future
 * while writing is paused. `drain()` runs after every write and almost always returns at
 * once: a generator object with its frame and result was ~200 B per call (two calls per
 * round trip in S1), this object ~40 B.
 */
export class DrainCoroutine {
  private state = NOT_STARTED;

  constructor(
    private readonly reader: StreamReader | null,
    private readonly transport: Transport,
    private readonly protocol: StreamReaderProtocol,
  ) {}

  next(): IteratorResult<Yielded, undefined> {
    switch (this.state) {
      case NOT_STARTED: {
        this.state = FINISHED_STATE;
        const exception = this.reader?.exception() ?? null;
        if (exception !== null) throw exception;
        if (this.transport.isClosing()) {
          // asyncio yields once here so that connection_lost gets its turn.
          this.state = GAVE_TURN;
          return YIELD_TURN;
        }
        return this.waitIfPaused();
      }
      case GAVE_TURN:
        this.state = FINISHED_STATE;
        return this.waitIfPaused();
      default:
        // Resumed once its waiter is done, or resumed again after the end (as a generator).
        this.state = FINISHED_STATE;
        return FINISHED;
    }
  }

  throw(error: unknown): IteratorResult<Yielded, undefined> {
    this.state = FINISHED_STATE;
    throw error;
  }

  return(value: undefined): IteratorResult<Yielded, undefined> {
    this.state = FINISHED_STATE;
    return { done: true, value };
  }

  [Symbol.iterator](): this {
    return this;
  }

  get [Symbol.toStringTag](): string {
    return 'Generator';
  }

  /** Waits on the protocol's drain future while writing is paused. */
  private waitIfPaused(): IteratorResult<Yielded, undefined> {
    const waiter: Future<void> | null = this.protocol.drainWaiter();
    if (waiter === null) return FINISHED;
    this.state = WAITING;
    // A new pending future, yielded to the task as `yield*` would, without its iterator.
    return { done: false, value: blockOn(waiter) };
  }
}

/** A new `drain()` coroutine. */
export function drainCoroutine(
  reader: StreamReader | null,
  transport: Transport,
  protocol: StreamReaderProtocol,
): Coroutine<void> {
  return new DrainCoroutine(reader, transport, protocol) as unknown as Coroutine<void>;
}
