import type { EventLoop } from './event-loop.js';
import type { Future } from './future.js';
import type { Handle } from './handle.js';
import { repr } from './repr.js';
import type { Task } from './task.js';

/** What the loop's exception handler receives, as asyncio's context dict. */
export interface ExceptionContext {
  /** What went wrong, in asyncio's wording (e.g. `Exception in callback …`). */
  message: string;
  /** The exception, where there is one. */
  exception?: unknown;
  /** The future (or task) concerned, where known. */
  future?: Future<unknown>;
  /** The task concerned, where known. */
  task?: Task<unknown>;
  /** The handle whose callback failed, where known. */
  handle?: Handle;
  /** Anything else a reporter adds. */
  [key: string]: unknown;
}

/** asyncio's exception handler signature: `handler(loop, context)`. */
export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

/**
 * The text asyncio's default exception handler logs: the message, each other context value
 * (sorted by key), then the exception's stack.
 */
export function formatExceptionContext(context: ExceptionContext): string {
  const lines = [context.message || 'Unhandled exception in event loop'];
  for (const key of Object.keys(context).sort()) {
    if (key === 'message' || key === 'exception') continue;
    lines.push(`${key}: ${repr(context[key])}`);
  }
  const exception = context.exception;
  if (exception !== undefined) {
    lines.push(
      exception instanceof Error && exception.stack
        ? exception.stack
        : `exception: ${repr(exception)}`,
    );
  }
  return lines.join('\n');
}
