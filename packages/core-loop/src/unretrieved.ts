/**
 * "Task exception was never retrieved": asyncio reports it from `Future.__del__`, when the
 * future is garbage-collected. Here a FinalizationRegistry does the same, holding only what
 * the report needs (the loop, the exception, the future's repr), never the future itself, so
 * a long-running loop does not grow with forgotten failures. A loop that closes reports, with
 * the future, those that are still alive.
 */
import type { EventLoop } from './event-loop.js';
import type { Future } from './future.js';

/** What the report of a collected future needs: nothing that keeps the future alive. */
interface CollectedReport {
  loop: EventLoop;
  ref: WeakRef<Future<unknown>>;
  message: string;
  exception: unknown;
  description: string;
}

/** A strong stand-in where WeakRef does not exist (reports then wait for `close()`). */
class StrongRef<T extends object> {
  constructor(private readonly target: T) {}
  deref(): T {
    return this.target;
  }
}

const makeRef: <T extends object>(target: T) => WeakRef<T> =
  typeof WeakRef === 'function'
    ? (target) => new WeakRef(target)
    : (target) => new StrongRef(target) as unknown as WeakRef<typeof target>;

/** Each tracked future's entry in its loop's `_unretrieved` set. */
const refs = new WeakMap<Future<unknown>, WeakRef<Future<unknown>>>();

function reportCollected(report: CollectedReport): void {
  report.loop._unretrieved.delete(report.ref);
  try {
    report.loop.callExceptionHandler({
      message: report.message,
      exception: report.exception,
      futureRepr: report.description,
    });
  } catch (error) {
    // A finalizer must not throw (it would end the process): the last place left is stderr.
    console.error(error);
  }
}

const collected =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<CollectedReport>(reportCollected)
    : null;

/** Starts tracking a future that just failed: its exception is reported if nobody reads it. */
export function trackUnretrieved(future: Future<unknown>): void {
  const ref = makeRef(future);
  refs.set(future, ref);
  const loop = future._loop;
  loop._unretrieved.add(ref);
  if (collected === null) return;
  const exception = future._exception;
  // V8 formats an Error's stack lazily, holding each frame's receiver meanwhile (a Task's
  // step among them): reading it now lets the held exception keep nothing else alive.
  if (exception instanceof Error) void exception.stack;
  let description: string;
  try {
    description = String(future);
  } catch {
    description = `<${future.constructor.name}>`;
  }
  collected.register(
    future,
    {
      loop,
      ref,
      message: `${future.constructor.name} exception was never retrieved`,
      exception,
      description,
    },
    future,
  );
}

/** The exception was retrieved (or reported): nothing is reported for it any more. */
export function forgetUnretrieved(future: Future<unknown>): void {
  const ref = refs.get(future);
  if (ref === undefined) return;
  refs.delete(future);
  future._loop._unretrieved.delete(ref);
  collected?.unregister(future);
}

/** At `close()`: reports, once, every exception of a still-alive future nobody retrieved. */
export function reportUnretrievedAtClose(loop: EventLoop): void {
  const pending = [...loop._unretrieved];
  for (const ref of pending) {
    const future = ref.deref();
    if (future === undefined || !future._logTraceback) continue;
    future._logTraceback = false;
    forgetUnretrieved(future);
    loop.callExceptionHandler({
      message: `${future.constructor.name} exception was never retrieved`,
      exception: future._exception,
      future,
    });
  }
}
