import { describe, expect, it } from 'vitest';
import { Kernel } from '../src/kernel.js';
import { CELL_IDS, NOTEBOOK } from '../src/notebook.js';

const source = (id: string): string => {
  const cell = NOTEBOOK.find((each) => each.id === id);
  if (cell === undefined) throw new Error(`no cell ${id}`);
  return cell.source;
};

describe('the kernel, on virtual time', () => {
  it('has the notebook cells in order', () => {
    expect(NOTEBOOK.map((cell) => cell.id)).toEqual([...CELL_IDS]);
  });

  it('runs every cell in order and prints what the notebook shows, in virtual seconds', async () => {
    const kernel = new Kernel({ virtual: true });
    const results = [];
    for (const cell of NOTEBOOK) results.push(await kernel.run(cell.id, cell.source));
    expect(results.map((result) => result.lines)).toEqual(NOTEBOOK.map((cell) => cell.expected));
    expect(results.map((result) => result.elapsed)).toEqual([0, 1, 4, 4, 2]);
    expect(results.map((result) => result.error)).toEqual([
      'RuntimeError: run() cannot be called from a running event loop',
      null,
      null,
      null,
      null,
    ]);
  });

  it('streams prints with their times and draws one row per task', async () => {
    const kernel = new Kernel({ virtual: true });
    const printed: [number, string][] = [];
    await kernel.run('nested-fixed', source('nested-fixed'));
    const result = await kernel.run('example-1', source('example-1'), {
      print: (text, t) => printed.push([t, text]),
    });
    expect(printed.slice(0, 2)).toEqual([
      [0, 'Starting asynchronous tasks...'],
      [0, 'Start Task 1'],
    ]);
    expect(printed.at(-1)).toEqual([4, 'All asynchronous tasks finished.']);
    const rows = result.rows.map(({ label, start, end }) => [label, start, end]);
    expect(rows[0]).toEqual(['example-1', 0, 4]);
    expect(rows[1]?.[0]).toMatch(/^Task-\d+$/); // run(main()): main's task
    expect(rows.slice(2)).toEqual([
      ['Task 1', 0, 3],
      ['Task 2', 0, 2],
      ['Task 3', 0, 4],
      ['Task 4', 0, 1],
    ]);
  });

  it('runs an edited cell: Example-1 with other durations ends in another order', async () => {
    const kernel = new Kernel({ virtual: true });
    const edited = source('example-1').replace("task('Task 4', 1)", "task('Task 4', 5)");
    const result = await kernel.run('example-1', edited);
    expect(result.lines.slice(5)).toEqual([
      'End Task 2',
      'End Task 1',
      'End Task 3',
      'End Task 4',
      'All asynchronous tasks finished.',
    ]);
    expect(result.elapsed).toBe(5);
  });

  it('after apply(), the first cell runs too; a new kernel starts unpatched again', async () => {
    const kernel = new Kernel({ virtual: true });
    await kernel.run('nested-fixed', source('nested-fixed'));
    expect((await kernel.run('nested', source('nested'))).lines).toEqual(['Hello', 'World']);
  });

  it('allows yield* at the top of a cell, as Jupyter allows await', async () => {
    const kernel = new Kernel({ virtual: true });
    const result = await kernel.run(
      'top',
      "import { sleep } from '@asyncio-ts/timers';\nprint('a');\nyield* sleep(3);\nprint('b', 1, [2]);",
    );
    expect(result).toMatchObject({ lines: ['a', 'b 1 [2]'], elapsed: 3, error: null });
  });

  it('prints errors as Name: message: syntax, unknown module, a thrown error', async () => {
    const kernel = new Kernel({ virtual: true });
    const syntax = await kernel.run('bad', 'print(');
    expect(syntax.error).toMatch(/^SyntaxError: /);
    const missing = await kernel.run('bad', "import asyncio from 'asyncio';\nprint(asyncio);");
    expect(missing.error).toBe(
      "ModuleNotFoundError: No module named 'asyncio' (the kernel has @asyncio-ts/core-loop, @asyncio-ts/gather, @asyncio-ts/nest-patch, @asyncio-ts/sync-baseline, @asyncio-ts/timers)",
    );
    const thrown = await kernel.run('bad', "print('before'); throw new RangeError('too far');");
    expect(thrown.lines).toEqual(['before', 'RangeError: too far']);
    // The kernel goes on after a failed cell.
    expect((await kernel.run('ok', "print('still here')")).lines).toEqual(['still here']);
  });
});

describe('interrupting the kernel', () => {
  it('cancels the running cell, which ends with KeyboardInterrupt; the kernel goes on', async () => {
    const kernel = new Kernel();
    kernel.interrupt(); // no cell runs: nothing happens
    const running = kernel.run(
      'long',
      "import { sleep } from '@asyncio-ts/timers';\nprint('start');\ntry { yield* sleep(60); } finally { print('cleaned up'); }",
      { print: (text) => text === 'start' && kernel.interrupt() },
    );
    const result = await running;
    expect(result.lines).toEqual(['start', 'cleaned up', 'KeyboardInterrupt']);
    expect(result.elapsed).toBeLessThan(5);
    expect((await kernel.run('next', "print('next')")).lines).toEqual(['next']);
  });
});

describe('the kernel, on real time', () => {
  it('runs Example-2 in about 2 s after apply()', async () => {
    const kernel = new Kernel();
    await kernel.run('nested-fixed', "import { apply } from '@asyncio-ts/nest-patch'; apply();");
    const result = await kernel.run('example-2', source('example-2'));
    expect(result.lines).toEqual(['Start task1', 'Start task2', 'End task1', 'End task2']);
    expect(result.elapsed).toBeGreaterThan(1.9);
    expect(result.elapsed).toBeLessThan(4);
  });
});
