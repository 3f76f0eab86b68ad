import { homedir } from 'node:os';
import { join } from 'node:path';
import { type REPLServer, Recoverable, start } from 'node:repl';
import {
  CancelledError,
  type EventLoop,
  type Future,
  getRunningLoop,
  runAsync,
  type Task,
} from '@asyncio-ts/core-loop';
import { type CompiledLine, compileLine } from './compile-line.js';
import { keepHistory } from './history.js';
import { LineGate } from './line-gate.js';
import { replNames } from './names.js';

/** Where the REPL reads and writes, and how. */
export interface ReplOptions {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  /** Treat the streams as a terminal (raw keys, colours); default: whether output is a TTY. */
  readonly terminal?: boolean;
  /** History file; '' keeps history in memory only. Default ~/.asyncio_ts_repl_history. */
  readonly historyFile?: string;
}

/** The banner, as `python -m asyncio` prints one. */
export const BANNER = `asyncio-ts REPL (Node ${process.version})
The event loop is already running: use "yield* sleep(1)" directly instead of "run(main())".
Every asyncio-ts name is here (sleep, gather, getRunningLoop, ...), and all of them as "asyncio".
`;

/** An error as the last line of a Python traceback: `Name: message`. */
function formatError(error: unknown): string {
  if (error instanceof Error)
    return error.message === '' ? error.name : `${error.name}: ${error.message}`;
  return `Uncaught ${String(error)}`;
}

const INCOMPLETE = /Unexpected end of input|Unterminated template|missing \) after argument list/;

/**
 * Starts the asyncio REPL: an event loop runs (`runAsync`) for as long as the REPL does, and
 * every line the user enters runs as a task on it, so `yield*` works at the prompt and the
 * tasks a line starts go on running while the user types. Ctrl-C cancels the running line.
 * Resolves when the user leaves (`.exit`, Ctrl-D); the loop then cancels what is left.
 */
export function startRepl(options: ReplOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const terminal = options.terminal ?? (output as { isTTY?: boolean }).isTTY === true;
  // node's readline would put a TTY in raw mode itself; the gate stands between them.
  const tty = input as Partial<Pick<NodeJS.ReadStream, 'isTTY' | 'setRawMode'>>;
  const raw = terminal && tty.isTTY === true && typeof tty.setRawMode === 'function';
  const gate = new LineGate(input);
  Object.assign(globalThis, replNames());

  let loop: EventLoop | null = null;
  let closed: Future<void> | null = null;
  let running: Task<unknown> | null = null;
  let interrupted = false;
  let server: REPLServer | undefined;
  // Lines run one after the other, as typed, even when pasted or piped in at once.
  let queue: Promise<void> = Promise.resolve();

  /** Ctrl-C: cancel the running line, or (at the prompt) start a fresh line. */
  const interrupt = (): void => {
    if (running !== null) {
      interrupted = true;
      const task = running;
      loop?.callSoonThreadsafe(() => task.cancel('interrupted by Ctrl-C'));
      return;
    }
    output.write('\nKeyboardInterrupt\n');
    server?.clearBufferedCommand();
    server?.displayPrompt();
  };

  type Callback = (error: Error | null, value?: unknown) => void;

  function evaluate(code: string, _context: unknown, _file: string, callback: Callback): void {
    if (code.trim() === '') {
      callback(null);
      return;
    }
    // Compiled at once (no side effects), so that node's REPL learns at once that a line is
    // incomplete and hands over the next one joined to it, even when lines come in a burst.
    let line: CompiledLine | null = null;
    let failure: unknown = null;
    try {
      line = compileLine(code);
    } catch (error) {
      if (error instanceof SyntaxError && INCOMPLETE.test(error.message)) {
        callback(new Recoverable(error));
        return;
      }
      failure = error;
    }
    queue = queue.then(
      () =>
        new Promise<void>((settled) => {
          const done: Callback = (error, value) => {
            settled();
            callback(error, value);
          };
          if (line === null) {
            output.write(`${formatError(failure)}\n`);
            done(null);
          } else {
            runLine(line, done);
          }
        }),
    );
  }

  function runLine(line: CompiledLine, callback: Callback): void {
    const kernel = loop;
    if (kernel === null) {
      output.write('RuntimeError: the event loop is not running\n');
      callback(null);
      return;
    }
    const done = new Promise<unknown>((resolve, reject) => {
      kernel.callSoonThreadsafe(() => {
        const task = kernel.createTask(line(), { name: 'repl-line' });
        running = task;
        task.addDoneCallback(() => {
          running = null;
          if (task.cancelled()) reject(new CancelledError());
          else if (task.exception() !== null) reject(task.exception());
          else resolve(task.result());
        });
      });
    });
    // While a line runs, Ctrl-C cancels it (node's own handler would offer to exit).
    const repl = server;
    const sigintListeners = repl?.listeners('SIGINT') ?? [];
    repl?.removeAllListeners('SIGINT');
    repl?.on('SIGINT', interrupt);
    done
      .then(
        (value) => callback(null, value),
        (error: unknown) => {
          const text =
            error instanceof CancelledError && interrupted
              ? 'KeyboardInterrupt'
              : formatError(error);
          output.write(`${text}\n`);
          callback(null);
        },
      )
      .finally(() => {
        interrupted = false;
        repl?.removeListener('SIGINT', interrupt);
        for (const listener of sigintListeners) {
          repl?.on('SIGINT', listener as (...args: unknown[]) => void);
        }
      });
  }

  function* main() {
    loop = getRunningLoop();
    closed = loop.createFuture<void>();
    output.write(BANNER);
    if (raw) tty.setRawMode?.(true);
    const repl = start({
      prompt: 'asyncio-ts> ',
      input: gate.output,
      output,
      terminal,
      eval: evaluate,
      useGlobal: true,
      ignoreUndefined: true,
      preview: false,
    });
    server = repl;
    // The prompt is back: the gate lets the next line through.
    const displayPrompt = repl.displayPrompt.bind(repl);
    repl.displayPrompt = (preserveCursor?: boolean) => {
      displayPrompt(preserveCursor);
      gate.release();
    };
    const history = options.historyFile ?? join(homedir(), '.asyncio_ts_repl_history');
    if (history !== '') keepHistory(repl, history, (text) => output.write(text));
    const finish = closed;
    const kernel = loop;
    // Leaving (.exit, Ctrl-D, end of input) waits for the lines already entered.
    repl.on('exit', () => {
      void queue.then(() => kernel.callSoonThreadsafe(() => finish.done() || finish.setResult()));
    });
    yield* finish;
  }

  // A SIGINT from outside (kill -INT, or a terminal not in raw mode) acts as Ctrl-C. Set
  // before runAsync(), which then leaves SIGINT to us (as asyncio.Runner does).
  process.on('SIGINT', interrupt);
  return runAsync(main).finally(() => {
    process.off('SIGINT', interrupt);
    if (raw) tty.setRawMode?.(false);
  });
}
