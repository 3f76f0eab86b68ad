import { TimeoutError } from '@asyncio-ts/core-loop';

/**
 * asyncio.IncompleteReadError: EOF came before the expected bytes. `partial` holds what was
 * read; `expected` is the count asked for (null for `readUntil`, Python's None).
 */
export class IncompleteReadError extends Error {
  override name = 'IncompleteReadError';
  /** The bytes read before EOF. */
  readonly partial: Uint8Array;
  /** The number of bytes expected, or null when reading up to a separator. */
  readonly expected: number | null;

  constructor(partial: Uint8Array, expected: number | null) {
    super(
      `${partial.length} bytes read on a total of ${expected === null ? 'undefined' : expected} expected bytes`,
    );
    this.partial = partial;
    this.expected = expected;
  }
}

/**
 * asyncio.LimitOverrunError: the buffer reached the stream's `limit` while looking for a
 * separator. `consumed` is the number of bytes to consume to get past the overrun.
 */
export class LimitOverrunError extends Error {
  override name = 'LimitOverrunError';
  /** The number of bytes to be consumed. */
  readonly consumed: number;

  constructor(message: string, consumed: number) {
    super(message);
    this.consumed = consumed;
  }
}

/** Python's OSError, for an operating-system error without a more precise class. `code` is Node's (`ECONNREFUSED` …). */
export class OSError extends Error {
  override name: string = 'OSError';
  /** Node's error code, such as `EADDRINUSE`. */
  readonly code: string | undefined;
  /** The negative errno Node reports, when known. */
  readonly errno: number | undefined;
  /** The system call that failed, when known (`connect`, `write` …). */
  readonly syscall: string | undefined;

  constructor(message: string, details: OSErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.errno = details.errno;
    this.syscall = details.syscall;
  }
}

/** What an OSError carries besides its message. */
export interface OSErrorDetails {
  code?: string | undefined;
  errno?: number | undefined;
  syscall?: string | undefined;
  cause?: unknown;
}

/** Python's ConnectionError: the base of the connection errors below. */
export class ConnectionError extends OSError {
  override name = 'ConnectionError';
}

/** Python's ConnectionRefusedError (`ECONNREFUSED`). */
export class ConnectionRefusedError extends ConnectionError {
  override name = 'ConnectionRefusedError';
}

/** Python's ConnectionResetError (`ECONNRESET`, or the connection lost during a write). */
export class ConnectionResetError extends ConnectionError {
  override name = 'ConnectionResetError';
}

/** Python's ConnectionAbortedError (`ECONNABORTED`). */
export class ConnectionAbortedError extends ConnectionError {
  override name = 'ConnectionAbortedError';
}

/** Python's BrokenPipeError (`EPIPE`): writing to a connection the peer has closed. */
export class BrokenPipeError extends ConnectionError {
  override name = 'BrokenPipeError';
}

/** Python's FileNotFoundError (`ENOENT`): a Unix socket path or a program that does not exist. */
export class FileNotFoundError extends OSError {
  override name = 'FileNotFoundError';
}

/** Python's PermissionError (`EACCES`, `EPERM`). */
export class PermissionError extends OSError {
  override name = 'PermissionError';
}

/** The shape of a Node system error, as it also travels between threads. */
export interface SystemErrorLike {
  message: string;
  code?: string | undefined;
  errno?: number | undefined;
  syscall?: string | undefined;
}

const CLASSES: Record<string, new (message: string, details: OSErrorDetails) => OSError> = {
  ECONNREFUSED: ConnectionRefusedError,
  ECONNRESET: ConnectionResetError,
  ECONNABORTED: ConnectionAbortedError,
  EPIPE: BrokenPipeError,
  ENOENT: FileNotFoundError,
  EACCES: PermissionError,
  EPERM: PermissionError,
};

/**
 * The asyncio-named error for a Node system error: ConnectionRefusedError for
 * `ECONNREFUSED` and so on, core-loop's TimeoutError for `ETIMEDOUT`, OSError otherwise.
 * The result keeps Node's `code`, `errno` and `syscall`, and the original as `cause`.
 */
export function osErrorFrom(error: SystemErrorLike, cause?: unknown): Error {
  const details: OSErrorDetails = {
    code: error.code,
    errno: error.errno,
    syscall: error.syscall,
    cause,
  };
  if (error.code === 'ETIMEDOUT') {
    const timeout = new TimeoutError(error.message, cause === undefined ? undefined : { cause });
    Object.assign(timeout, { code: error.code, errno: error.errno, syscall: error.syscall });
    return timeout;
  }
  const cls = (error.code !== undefined && CLASSES[error.code]) || OSError;
  return new cls(error.message, details);
}

/** A plain, cloneable copy of a Node error, for posting between threads. */
export function systemErrorOf(error: unknown): SystemErrorLike {
  const e = error as Partial<SystemErrorLike> | null;
  return {
    message: typeof e?.message === 'string' ? e.message : String(error),
    code: typeof e?.code === 'string' ? e.code : undefined,
    errno: typeof e?.errno === 'number' ? e.errno : undefined,
    syscall: typeof e?.syscall === 'string' ? e.syscall : undefined,
  };
}
