import type { Coroutine, Future, Yielded } from '@asyncio-ts/core-loop';
import { blockOn } from '@asyncio-ts/core-loop/internal';
import { DONE, FINISHED, NOT_STARTED, SmallCoroutine } from './small-coroutine.js';
import type { StreamReaderProtocol } from './stream-protocol.js';
import type { StreamReader } from './stream-reader.js';
import type { Transport } from './transport.js';

/** The bare yield of a drain on a closing transport (asyncio's `sleep(0)` there). */
const YIELD_TURN: IteratorYieldResult<Yielded> = Object.freeze({ done: false, value: undefined });

const GAVE_TURN = 1;
const WAITING = 2;

/**
 * `StreamWriter.drain()`'s coroutine as a small object that acts as its generator would:
 * when first resumed, it throws the reader's exception if any, gives up the turn once on a
 * closing transport (asyncio's `sleep(0)` there), then waits on the protocol's drain future
 * while writing is paused. `drain()` runs after every write and almost always returns at
 * once: a generator object with its frame and result was ~200 B per call (two calls per
 * round trip in S1), this object ~40 B.
 */
class DrainCoroutine extends SmallCoroutine<void> {
  constructor(
    private readonly reader: StreamReader | null,
    private readonly transport: Transport,
    private readonly protocol: StreamReaderProtocol,
  ) {
    super();
  }

  next(): IteratorResult<Yielded, void> {
    const state = this.state;
    this.state = DONE;
    if (state === NOT_STARTED) {
      const exception = this.reader?.exception() ?? null;
      if (exception !== null) throw exception;
      if (this.transport.isClosing()) {
        // asyncio yields once here so that connection_lost gets its turn.
        this.state = GAVE_TURN;
        return YIELD_TURN;
      }
      return this.waitIfPaused();
    }
    if (state === GAVE_TURN) return this.waitIfPaused();
    // Resumed once its waiter is done, or resumed again after the end (as a generator).
    return FINISHED;
  }

  /** Waits on the protocol's drain future while writing is paused. */
  private waitIfPaused(): IteratorResult<Yielded, void> {
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
