import { RuntimeError } from '@asyncio-ts/core-loop';

/** An error as it crosses from a worker: name, class, message, stack and, when set, code. */
export interface ErrorDescription {
  /** The error's `name` (its class name when only a built-in class's `name` was inherited). */
  name: string;
  /** The nearest built-in class (`TypeError` ...) it is an instance of; else found by `name`. */
  builtin?: string;
  message: string;
  stack: string | undefined;
  code?: unknown;
  cause?: ErrorDescription;
  /** The error's `name` when the stack was captured (the stack's first line starts with it). */
  label?: string;
}

/**
 * The worker thread that ran the work ended before it answered: `process.exit()` in the
 * worker, an uncaught error there, or out of memory. The pool starts a new worker in its
 * place. `exitCode` is the worker's exit code; `cause` the error that ended it, if any.
 */
export class WorkerDiedError extends RuntimeError {
  /** The worker's exit code. */
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WorkerDiedError';
    this.exitCode = exitCode;
  }
}

const BUILTIN: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/**
 * Rebuilds a worker's error on the loop's thread as its nearest built-in class (the class
 * itself lives in the worker), with the error's `name`. The stack is the worker's;
 * `message` may be replaced to add where it happened.
 */
export function rebuildError(described: ErrorDescription, message = described.message): Error {
  const Builtin = BUILTIN[described.builtin ?? described.name];
  const error = Builtin === undefined ? new Error(message) : new Builtin(message);
  if (error.name !== described.name) {
    Object.defineProperty(error, 'name', {
      value: described.name,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  if (described.stack !== undefined) {
    const label = described.label ?? described.name;
    const original = described.message === '' ? label : `${label}: ${described.message}`;
    error.stack = described.stack.startsWith(original)
      ? `${described.name}${message === '' ? '' : `: ${message}`}${described.stack.slice(original.length)}`
      : described.stack;
  }
  if (described.code !== undefined) (error as { code?: unknown }).code = described.code;
  if (described.cause !== undefined) {
    Object.defineProperty(error, 'cause', {
      value: rebuildError(described.cause),
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return error;
}
