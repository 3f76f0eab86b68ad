import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// End-to-end: these tests spawn the BUILT command (`pnpm test` builds first).
const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
const plainEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined };

function demo(args: string[], env: NodeJS.ProcessEnv = plainEnv) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

/** The notebook's printed lines, chapter by chapter. */
const NOTEBOOK: Record<string, string[]> = {
  nested: ['RuntimeError: run() cannot be called from a running event loop', 'Hello', 'World'],
  sync: ['Start task1', 'End task1', 'Start task2', 'End task2'],
  'example-1': [
    'Starting asynchronous tasks...',
    'Start Task 1',
    'Start Task 2',
    'Start Task 3',
    'Start Task 4',
    'End Task 4',
    'End Task 2',
    'End Task 1',
    'End Task 3',
    'All asynchronous tasks finished.',
  ],
  'example-2': ['Start task1', 'Start task2', 'End task1', 'End task2'],
  concepts: [
    'time.sleep(2) → blocks everything for 2 seconds.',
    'await asyncio.sleep(2) → pauses this coroutine but allows other coroutines to run during that time.',
  ],
};
const EXPECTED_SECONDS: Record<string, number> = {
  nested: 1,
  sync: 4,
  'example-1': 4,
  'example-2': 2,
  concepts: 6,
};

/** The lines between a chapter's heading and its elapsed line. */
function chapterLines(stdout: string, chapter: string): { lines: string[]; elapsed: string } {
  const all = stdout.split('\n');
  const start = all.findIndex((line) => line.startsWith(`== ${chapter}:`));
  expect(start, `heading of ${chapter}`).toBeGreaterThanOrEqual(0);
  const end = all.findIndex((line, index) => index > start && line.startsWith('elapsed '));
  expect(end, `elapsed line of ${chapter}`).toBeGreaterThan(start);
  return { lines: all.slice(start + 1, end), elapsed: all[end] ?? '' };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build the demo first (pnpm build)`);
});

describe('asyncio-ts-demo --virtual', () => {
  it("prints every chapter's notebook lines, in the notebook's order, with virtual times", () => {
    const { status, stdout, stderr } = demo(['--virtual']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const headings = stdout.split('\n').filter((line) => line.startsWith('== '));
    expect(headings.map((line) => line.slice(3, line.indexOf(':')))).toEqual(Object.keys(NOTEBOOK));
    for (const [chapter, lines] of Object.entries(NOTEBOOK)) {
      const seen = chapterLines(stdout, chapter);
      expect(seen.lines).toEqual(lines);
      const expected = EXPECTED_SECONDS[chapter];
      expect(seen.elapsed).toBe(`elapsed ${expected} s of virtual time (expected ${expected} s)`);
    }
  });

  it('runs one chapter alone and draws its timeline from the loop', () => {
    const { status, stdout } = demo(['example-1', '--virtual']);
    expect(status).toBe(0);
    expect(stdout).not.toContain('== sync');
    const chart = stdout.slice(stdout.indexOf('timeline')).split('\n');
    expect(chart[0]).toBe('timeline, one row per task (virtual seconds)');
    const row = (label: string) => chart.find((line) => line.startsWith(`${label} `));
    expect(row('main')).toMatch(/^main {4}#{40} {2}0–4 s$/);
    expect(row('Task 1')).toMatch(/^Task 1 {2}#{30} {12}0–3 s$/);
    expect(row('Task 4')).toMatch(/^Task 4 {2}#{10} {32}0–1 s$/);
  });

  it('prints no colour codes with NO_COLOR, and colours when the terminal asks for them', () => {
    expect(demo(['example-2', '--virtual']).stdout).not.toContain('\u001b[');
    const colored = demo(['example-2', '--virtual'], {
      ...process.env,
      NO_COLOR: undefined,
      FORCE_COLOR: '1',
    });
    expect(colored.stdout).toContain('\u001b[');
    expect(colored.stdout).toContain('█');
  });
});

describe('asyncio-ts-demo --json', () => {
  it('prints one JSON event per line: chapter, task, event, t', () => {
    const { status, stdout } = demo(['--json', '--virtual']);
    expect(status).toBe(0);
    const events = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const event of events) {
      expect(Object.keys(event).slice(0, 4)).toEqual(['chapter', 'task', 'event', 't']);
    }
    for (const [chapter, lines] of Object.entries(NOTEBOOK)) {
      const prints = events.filter((e) => e.chapter === chapter && e.event === 'print');
      expect(prints.map((e) => e.text)).toEqual(lines);
    }
    const example1 = events.filter((e) => e.chapter === 'example-1' && e.event === 'print');
    expect(example1.map((e) => [e.task, e.t])).toEqual([
      ['main', 0],
      ['Task 1', 0],
      ['Task 2', 0],
      ['Task 3', 0],
      ['Task 4', 0],
      ['Task 4', 1],
      ['Task 2', 2],
      ['Task 1', 3],
      ['Task 3', 4],
      ['main', 4],
    ]);
    expect(events.filter((e) => e.event === 'chapter-end').map((e) => e.elapsed)).toEqual([
      1, 4, 4, 2, 6,
    ]);
    expect(events.find((e) => e.event === 'compare')).toMatchObject({
      blocking: 4,
      concurrent: 2,
      speedup: 2,
    });
  });
});

describe('asyncio-ts-demo on the real clock', () => {
  it('runs example-2 in about 2 seconds, not 4', () => {
    const { status, stdout, seconds } = demo(['example-2']);
    expect(status).toBe(0);
    expect(chapterLines(stdout, 'example-2').lines).toEqual(NOTEBOOK['example-2']);
    const elapsed = Number(/^elapsed ([\d.]+) s \(expected 2 s\)$/m.exec(stdout)?.[1]);
    expect(elapsed).toBeGreaterThanOrEqual(2);
    expect(elapsed).toBeLessThan(3);
    expect(seconds).toBeGreaterThanOrEqual(2);
  });

  it('runs at n times real time with --speed n', () => {
    const { status, stdout, seconds } = demo(['example-1', '--speed', '8']);
    expect(status).toBe(0);
    expect(chapterLines(stdout, 'example-1').lines).toEqual(NOTEBOOK['example-1']);
    expect(seconds).toBeGreaterThanOrEqual(0.5);
    const elapsed =
      /^elapsed (\d+\.\d{3}) s on a clock running 8× real time \(expected 4 s\)$/m.exec(stdout);
    // Clock seconds: 4 plus 8 times whatever the scheduler adds on a busy machine.
    expect(Number(elapsed?.[1])).toBeGreaterThanOrEqual(4);
    expect(Number(elapsed?.[1])).toBeLessThan(8);
  });
});

describe('asyncio-ts-demo with bad arguments', () => {
  it.each([
    [['example-3'], 'unknown chapter `example-3`'],
    [['--fast'], 'Unknown option `--fast`'],
    [['--speed'], 'option `--speed <n>` value is missing'],
    [['--speed', '0'], '--speed expects a number greater than 0, received 0'],
  ])('%j exits with status 2 and prints the usage', (args, message) => {
    const { status, stdout, stderr } = demo(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`asyncio-ts-demo: ${message}`);
    expect(stderr).toContain('Usage: asyncio-ts-demo [chapter...] [options]');
  });

  it('prints the usage with --help and exits 0', () => {
    const { status, stdout } = demo(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: asyncio-ts-demo [chapter...] [options]');
  });
});

describe('Ctrl-C', () => {
  it("cancels the chapter's tasks and exits with status 130 on a clean line", async () => {
    const child: ChildProcess = spawn(process.execPath, [cli, 'example-1'], { env: plainEnv });
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Start Task 4')) resolve();
      });
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).not.toContain('All asynchronous tasks finished.');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stderr).toContain('Interrupted (Ctrl-C)');
  });
});
