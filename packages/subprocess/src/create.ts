import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { type Coroutine, type EventLoop, getRunningLoop } from '@asyncio-ts/core-loop';
import { StreamReader } from '@asyncio-ts/streams';
import {
  DEFAULT_LIMIT,
  HostTransport,
  IoWorker,
  makeStreamWriter,
  osErrorFrom,
  ownerFor,
  StreamReaderProtocol,
  systemErrorOf,
  type Transport,
  trackResource,
  WorkerTransport,
} from '@asyncio-ts/streams/internal';
import { Process } from './process.js';
import { type SpawnRequest, type SubprocessOptions, spawnRequest } from './spawn-request.js';

/** One pipe's stream and the protocol that feeds it. */
interface PipeEnds {
  protocol: StreamReaderProtocol;
  reader: StreamReader;
}

function pipeEnds(loop: EventLoop, limit: number): PipeEnds {
  const reader = new StreamReader({ limit, loop });
  return { reader, protocol: new StreamReaderProtocol(reader, loop) };
}

/** Builds the Process around the three pipe transports (null where not a pipe). */
function processOf(
  loop: EventLoop,
  pid: number,
  ends: (PipeEnds | null)[],
  transports: (Transport | null)[],
  kill: (signal: NodeJS.Signals | number) => void,
): Process {
  const stdinEnds = ends[0];
  const stdinTransport = transports[0];
  const stdin =
    stdinEnds && stdinTransport
      ? makeStreamWriter(stdinTransport, stdinEnds.protocol, null, loop)
      : null;
  return new Process(
    pid,
    { stdin, stdout: ends[1]?.reader ?? null, stderr: ends[2]?.reader ?? null },
    transports,
    { kill },
    loop,
  );
}

function* spawnOnHost(loop: EventLoop, request: SpawnRequest, limit: number): Coroutine<Process> {
  let child: ChildProcess;
  try {
    child = spawn(request.file, request.args, {
      cwd: request.cwd,
      env: request.env,
      stdio: request.stdio,
    });
  } catch (error) {
    throw osErrorFrom(systemErrorOf(error), error);
  }
  if (child.pid === undefined) {
    const failed = loop.createFuture<never>();
    child.once('error', (error) => failed.setException(osErrorFrom(systemErrorOf(error), error)));
    return yield* failed;
  }
  // Later errors (a signal that could not be sent) reach the loop's exception handler.
  child.on('error', (error) => {
    if (loop.isClosed()) return;
    const exception = osErrorFrom(systemErrorOf(error), error);
    loop.callExceptionHandler({ message: `Error in child process ${child.pid}`, exception });
  });
  const ends = request.pipes.map((pipe) => (pipe ? pipeEnds(loop, limit) : null));
  const sockets = [child.stdin, child.stdout, child.stderr] as (Socket | null)[];
  const transports = ends.map((end, fd) => {
    const socket = sockets[fd];
    return end === null || socket === null || socket === undefined
      ? null
      : new HostTransport(socket, end.protocol, loop, {}, fd === 0);
  });
  const process = processOf(loop, child.pid, ends, transports, (signal) => child.kill(signal));
  const untrack = trackResource(loop, {
    describe: () => `subprocess transport <pid=${child.pid}>`,
    abort: () => child.kill('SIGKILL'),
  });
  child.once('exit', (code, signal) => {
    untrack();
    if (!loop.isClosed()) process._exited(code, signal);
  });
  return process;
}

function* spawnInWorker(loop: EventLoop, request: SpawnRequest, limit: number): Coroutine<Process> {
  const io = IoWorker.of(loop);
  const id = io.newId();
  const ends = request.pipes.map((pipe) => (pipe ? pipeEnds(loop, limit) : null));
  const transports = ends.map((end, fd) => {
    if (end === null) return null;
    const transport = new WorkerTransport(io, io.newId(), end.protocol, loop, fd === 0);
    io.register(transport.id, (e) => transport.handle(e), `the pipe ${fd} of ${request.file}`);
    return transport;
  });
  const spawned = loop.createFuture<number>();
  let process: Process | null = null;
  let exit: [number | null, string | null] | null = null;
  const untrack = trackResource(loop, {
    describe: () => `subprocess transport <pid=${process?.pid ?? '?'}>`,
    abort: () => io.send({ op: 'kill', id, signal: 'SIGKILL' }),
  });
  io.register(
    id,
    (event) => {
      switch (event.ev) {
        case 'spawned':
          spawned.setResult(event.pid as number);
          return;
        case 'spawnFailed':
        case 'failed':
          untrack();
          io.unregister(id);
          for (const t of transports) {
            if (t === null) continue;
            t.abort();
            io.unregister(t.id);
          }
          spawned.setException(osErrorFrom(event.error));
          return;
        case 'exit':
          untrack();
          io.unregister(id);
          exit = [event.code, event.signal];
          process?._exited(event.code, event.signal);
          return;
      }
    },
    `the process ${request.file}`,
  );
  io.send({
    op: 'spawn',
    id,
    file: request.file,
    args: request.args,
    cwd: request.cwd,
    env: request.env,
    stdio: request.stdio,
    pipeIds: transports.map((t) => (t === null ? null : t.id)),
  });
  const pid = yield* spawned;
  for (const transport of transports) transport?.connected({});
  process = processOf(loop, pid, ends, transports, (signal) => io.send({ op: 'kill', id, signal }));
  if (exit !== null) process._exited(...(exit as [number | null, string | null]));
  return process;
}

function* create(request: SpawnRequest, options: SubprocessOptions): Coroutine<Process> {
  const loop = getRunningLoop();
  const limit = options.limit ?? DEFAULT_LIMIT;
  return ownerFor(loop) === 'worker'
    ? yield* spawnInWorker(loop, request, limit)
    : yield* spawnOnHost(loop, request, limit);
}

function checkArgs(program: unknown, args: unknown): string[] {
  if (typeof program !== 'string' || program === '') {
    throw new TypeError(`program must be a non-empty string, got ${String(program)}`);
  }
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) {
    throw new TypeError('args must be an array of strings');
  }
  return args;
}

/**
 * asyncio.create_subprocess_exec: starts `program` with `args` (no shell).
 *
 * @example
 * const proc = yield* createSubprocessExec('ls', ['-l'], { stdout: PIPE });
 * const [stdout] = yield* proc.communicate();
 * console.log(proc.returncode, new TextDecoder().decode(stdout ?? new Uint8Array()));
 */
export function createSubprocessExec(
  program: string,
  args: string[] = [],
  options: SubprocessOptions = {},
): Coroutine<Process> {
  const checked = checkArgs(program, args);
  return create(spawnRequest(program, checked, options, false), options);
}

/** asyncio.create_subprocess_shell: runs `cmd` with `/bin/sh -c`. */
export function createSubprocessShell(
  cmd: string,
  options: SubprocessOptions = {},
): Coroutine<Process> {
  if (typeof cmd !== 'string' || cmd === '') {
    throw new TypeError(`cmd must be a non-empty string, got ${String(cmd)}`);
  }
  return create(spawnRequest(cmd, [], options, true), options);
}
