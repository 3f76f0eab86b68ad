import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './build-cli.js';

let cli = '';
let child: ChildProcessWithoutNullStreams | null = null;
let seen = '';

/** Starts `asyncio-ts-repl` on pipes, without a history file. */
function startRepl(): void {
  seen = '';
  child = spawn(process.execPath, [cli], {
    env: { ...process.env, ASYNCIO_TS_REPL_HISTORY: '', NO_COLOR: '1' },
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    seen += chunk;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    seen += chunk;
  });
}

/** Waits until the output (from `from` on) matches; returns the index after the match. */
async function waitFor(pattern: RegExp, from = 0, ms = 10_000): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(seen.slice(from));
    if (match !== null) return from + match.index + match[0].length;
    if (Date.now() > deadline) {
      throw new Error(`no ${pattern} in the REPL's output after ${ms} ms:\n${seen.slice(from)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const PROMPT = 'asyncio-ts> ';

/** Types a line and waits for the next prompt; returns what the line printed. */
async function enter(line: string): Promise<string> {
  const from = seen.length;
  child?.stdin.write(`${line}\n`);
  const end = await waitFor(/asyncio-ts> $/, from);
  return seen.slice(from, end - PROMPT.length).trim();
}

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

afterAll(async () => {
  if (cli !== '') await rm(dirname(cli), { recursive: true, force: true });
});

afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

describe('asyncio-ts-repl, driven through stdin and stdout', () => {
  it('greets like python -m asyncio and runs yield* and gather at the top level', async () => {
    startRepl();
    await waitFor(/asyncio-ts> $/);
    expect(seen).toContain('The event loop is already running');
    expect(await enter('yield* sleep(0.2, 42)')).toBe('42');
    expect(await enter('const pair = yield* gather(sleep(0.2, "a"), sleep(0.1, "b"))')).toBe('');
    expect(await enter('pair')).toBe("[ 'a', 'b' ]");
    expect(await enter('getRunningLoop() === asyncio.getRunningLoop()')).toBe('true');
    expect(await enter('currentTask().getName()')).toBe("'repl-line'");
  });

  it('run() fails in the running loop, then works after apply()', async () => {
    startRepl();
    await waitFor(/asyncio-ts> $/);
    expect(await enter('function* main() { yield* sleep(0.1); return "done" }')).toBe('');
    expect(await enter('run(main())')).toBe(
      'RuntimeError: run() cannot be called from a running event loop',
    );
    expect(await enter('apply()')).toBe('');
    expect(await enter('run(main())')).toBe("'done'");
  });

  it('runs lines that come in a burst one after the other, a pasted function included', async () => {
    startRepl();
    await waitFor(/asyncio-ts> $/);
    const from = seen.length;
    child?.stdin.write(
      'yield* sleep(0.3, "first")\n"second"\nfunction* five() {\n  yield* sleep(0.1);\n  return 5;\n}\nyield* five()\n',
    );
    await waitFor(/5\nasyncio-ts> $/, from);
    const printed = seen
      .slice(from)
      .split(/asyncio-ts> |\.\.\. /)
      .map((each) => each.trim())
      .filter((each) => each !== '');
    expect(printed).toEqual(["'first'", "'second'", '5']);
  });

  it('keeps background tasks running while the user types', async () => {
    startRepl();
    await waitFor(/asyncio-ts> $/);
    await enter(
      'function* tick(n) { for (let i = 1; i <= n; i++) { yield* sleep(0.1); console.log("tick " + i); } }',
    );
    const from = seen.length;
    expect(await enter('const ticker = getRunningLoop().createTask(tick(3))')).toBe('');
    // Nothing typed: the ticks still come, at the prompt.
    await waitFor(/tick 1\ntick 2\ntick 3\n/, from, 5000);
    expect(await enter('ticker.done()')).toBe('true');
  });

  it('Ctrl-C (SIGINT) cancels the running line, not the REPL', async () => {
    startRepl();
    await waitFor(/asyncio-ts> $/);
    const from = seen.length;
    const started = Date.now();
    child?.stdin.write('yield* sleep(30)\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child?.kill('SIGINT');
    await waitFor(/KeyboardInterrupt\nasyncio-ts> $/, from);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await enter('"still here"')).toBe("'still here'");
    // At the prompt, Ctrl-C only starts a fresh line.
    child?.kill('SIGINT');
    expect(await enter('1 + 1')).toContain('2');
  });

  it('prints errors as Name: message and goes on; leaves on .exit', async () => {
    startRepl();
    await waitFor(/asyncio-ts> $/);
    expect(await enter('yield* waitFor(sleep(1), 0.1)')).toBe('TimeoutError');
    expect(await enter('throw new RangeError("too far")')).toBe('RangeError: too far');
    expect(await enter('sleep("x")')).toMatch(/^TypeError: /);
    const exited = new Promise((resolve) => child?.on('exit', resolve));
    child?.stdin.write('.exit\n');
    expect(await exited).toBe(0);
  });
});
