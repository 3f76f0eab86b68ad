import { constants } from 'node:os';
import type { Coroutine, EventLoop, Future, Task } from '@asyncio-ts/core-loop';
import {
  BrokenPipeError,
  ConnectionResetError,
  type StreamReader,
  type StreamWriter,
} from '@asyncio-ts/streams';
import type { Transport } from '@asyncio-ts/streams/internal';
import { ProcessLookupError } from './errors.js';

/** How the Process reaches its child, whoever spawned it (the host or the I/O worker). */
export interface ChildControl {
  /** Sends `signal` to the child. */
  kill(signal: NodeJS.Signals | number): void;
}

/** Python's returncode: the exit status, or minus the signal number that ended the child. */
export function returncodeOf(code: number | null, signal: string | null): number {
  if (code !== null) return code;
  const number = signal === null ? undefined : constants.signals[signal as NodeJS.Signals];
  return number === undefined ? -1 : -number;
}

/**
 * asyncio.subprocess.Process: a child process started by `createSubprocessExec` or
 * `createSubprocessShell`, with its piped streams.
 */
export class Process {
  /** The child's process id. */
  readonly pid: number;
  /** A writer to the child's stdin when it is `PIPE`, else null. */
  readonly stdin: StreamWriter | null;
  /** A reader of the child's stdout when it is `PIPE`, else null. */
  readonly stdout: StreamReader | null;
  /** A reader of the child's stderr when it is `PIPE`, else null. */
  readonly stderr: StreamReader | null;
  private exitCode: number | null = null;
  private readonly exitWaiters: Future<number>[] = [];

  /** @internal Made by `createSubprocessExec` and `createSubprocessShell`. */
  constructor(
    pid: number,
    streams: {
      stdin: StreamWriter | null;
      stdout: StreamReader | null;
      stderr: StreamReader | null;
    },
    private readonly pipes: (Transport | null)[],
    private readonly control: ChildControl,
    private readonly loop: EventLoop,
  ) {
    this.pid = pid;
    this.stdin = streams.stdin;
    this.stdout = streams.stdout;
    this.stderr = streams.stderr;
  }

  /** @internal The child exited: sets the returncode and wakes `wait()`. */
  _exited(code: number | null, signal: string | null): void {
    if (this.exitCode !== null) return;
    this.exitCode = returncodeOf(code, signal);
    for (const waiter of this.exitWaiters.splice(0)) {
      if (!waiter.cancelled()) waiter.setResult(this.exitCode);
    }
  }

  /** The exit status (negative: the signal that ended it), or null while it runs. */
  get returncode(): number | null {
    return this.exitCode;
  }

  /** Waits for the child to exit and returns its returncode. */
  *wait(): Coroutine<number> {
    if (this.exitCode !== null) return this.exitCode;
    const waiter = this.loop.createFuture<number>();
    this.exitWaiters.push(waiter);
    try {
      return yield* waiter;
    } finally {
      const index = this.exitWaiters.indexOf(waiter);
      if (index >= 0) this.exitWaiters.splice(index, 1);
    }
  }

  /** Sends `signal` (a name such as `'SIGINT'` or a number); throws ProcessLookupError once it exited. */
  sendSignal(signal: NodeJS.Signals | number): void {
    if (this.exitCode !== null) throw new ProcessLookupError('No such process', { code: 'ESRCH' });
    this.control.kill(signal);
  }

  /** Sends SIGTERM. */
  terminate(): void {
    this.sendSignal('SIGTERM');
  }

  /** Sends SIGKILL: `wait()` then gives -9. */
  kill(): void {
    this.sendSignal('SIGKILL');
  }

  private *feedStdin(input: Uint8Array): Coroutine<null> {
    const stdin = this.stdin as StreamWriter;
    try {
      stdin.write(input);
      yield* stdin.drain();
    } catch (error) {
      if (!(error instanceof BrokenPipeError || error instanceof ConnectionResetError)) throw error;
    }
    stdin.close();
    return null;
  }

  private *readStream(fd: 1 | 2): Coroutine<Uint8Array> {
    const stream = (fd === 1 ? this.stdout : this.stderr) as StreamReader;
    const output = yield* stream.read();
    this.pipes[fd]?.close();
    return output;
  }

  /**
   * Sends `input` to stdin (then closes it), reads stdout and stderr to EOF at the same time
   * (no deadlock however much the child writes), waits for the child, and returns
   * `[stdout, stderr]` (null for a stream that is not a pipe). Cancelling it cancels the
   * reads and leaves the process running.
   */
  *communicate(input: Uint8Array | null = null): Coroutine<[Uint8Array | null, Uint8Array | null]> {
    if (input !== null && !(input instanceof Uint8Array)) {
      throw new TypeError(`input must be a Uint8Array or null, got ${typeof input}`);
    }
    if (input !== null && this.stdin === null) {
      throw new TypeError('communicate(input) needs stdin=PIPE');
    }
    const loop = this.loop;
    const tasks: Task<Uint8Array | null>[] = [];
    if (input !== null) tasks.push(loop.createTask(this.feedStdin(input)));
    const out = this.stdout === null ? null : loop.createTask(this.readStream(1));
    const err = this.stderr === null ? null : loop.createTask(this.readStream(2));
    if (out !== null) tasks.push(out);
    if (err !== null) tasks.push(err);
    try {
      for (const task of tasks) yield* task;
    } catch (error) {
      for (const task of tasks) task.cancel();
      throw error;
    }
    yield* this.wait();
    return [out === null ? null : out.result(), err === null ? null : err.result()];
  }

  toString(): string {
    return `<Process ${this.pid}>`;
  }
}
