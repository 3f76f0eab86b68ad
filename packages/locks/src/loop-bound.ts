import { type EventLoop, getRunningLoop, RuntimeError } from '@asyncio-ts/core-loop';

/**
 * asyncio's `mixins._LoopBoundMixin`: a primitive binds to the running loop the first time it
 * has to wait, and refuses to wait on any other loop afterwards. The base of every primitive
 * here and of `@asyncio-ts/queues`' queues; extend it for primitives of your own.
 */
export abstract class LoopBound {
  /** @internal The loop of the first wait, as asyncio's `_loop`. */
  _loop: EventLoop | null = null;

  /** asyncio's repr of the primitive, used in error messages. */
  abstract toString(): string;

  /**
   * asyncio's `_get_loop()`, for subclasses: the running loop, which must be the bound one.
   * Throws `RuntimeError('<repr> is bound to a different event loop')` otherwise.
   */
  protected getLoop(): EventLoop {
    const loop = getRunningLoop();
    if (this._loop === null) this._loop = loop;
    else if (loop !== this._loop) {
      throw new RuntimeError(`${String(this)} is bound to a different event loop`);
    }
    return loop;
  }
}
