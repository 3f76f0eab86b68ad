import { TimeoutError } from '@asyncio-ts/core-loop';
import { describe, expect, it } from 'vitest';
import { osErrorFrom } from '../src/errors.js';
import {
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileNotFoundError,
  IncompleteReadError,
  LimitOverrunError,
  OSError,
  PermissionError,
} from '../src/index.js';

describe('Node system errors under asyncio names', () => {
  it.each([
    ['ECONNREFUSED', ConnectionRefusedError],
    ['ECONNRESET', ConnectionResetError],
    ['ECONNABORTED', ConnectionAbortedError],
    ['EPIPE', BrokenPipeError],
    ['ENOENT', FileNotFoundError],
    ['EACCES', PermissionError],
    ['EADDRINUSE', OSError],
  ] as const)('%s becomes %s and keeps code, errno and syscall', (code, cls) => {
    const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:1`), {
      code,
      errno: -1,
      syscall: 'connect',
    });
    const error = osErrorFrom(cause, cause) as OSError;
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(OSError);
    expect(error.name).toBe(cls.name);
    expect([error.code, error.errno, error.syscall, error.message]).toEqual([
      code,
      -1,
      'connect',
      `connect ${code} 127.0.0.1:1`,
    ]);
    expect(error.cause).toBe(cause);
  });

  it('connection errors share ConnectionError, as in Python', () => {
    expect(new BrokenPipeError('x')).toBeInstanceOf(ConnectionError);
    expect(new FileNotFoundError('x')).not.toBeInstanceOf(ConnectionError);
  });

  it('ETIMEDOUT is core-loop TimeoutError with the code', () => {
    const error = osErrorFrom({ message: 'connect ETIMEDOUT', code: 'ETIMEDOUT' });
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError & { code: string }).code).toBe('ETIMEDOUT');
  });

  it('IncompleteReadError and LimitOverrunError carry asyncio fields and messages', () => {
    const incomplete = new IncompleteReadError(new Uint8Array(3), 10);
    expect([incomplete.name, incomplete.message, incomplete.expected]).toEqual([
      'IncompleteReadError',
      '3 bytes read on a total of 10 expected bytes',
      10,
    ]);
    const overrun = new LimitOverrunError('Separator is not found, and chunk exceed the limit', 7);
    expect([overrun.name, overrun.consumed]).toEqual(['LimitOverrunError', 7]);
  });
});
