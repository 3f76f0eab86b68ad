import { isApplied } from '@asyncio-ts/nest-patch';
import { describe, expect, it } from 'vitest';
import { CHAPTER_NAMES } from '../src/arguments.js';
import { CHAPTERS } from '../src/chapters/index.js';
import { Interrupt } from '../src/interrupt.js';
import { JsonReporter } from '../src/reporter.js';
import { runChapter } from '../src/run-chapter.js';

interface Event {
  chapter: string;
  task: string | null;
  event: string;
  t: number;
  text?: string;
  elapsed?: number;
}

async function replay(name: (typeof CHAPTER_NAMES)[number]): Promise<Event[]> {
  const lines: string[] = [];
  const reporter = new JsonReporter({ write: (text: string) => lines.push(text) });
  await runChapter(CHAPTERS[name], {
    mode: { kind: 'virtual' },
    reporter,
    interrupt: new Interrupt(),
  });
  return lines.map((line) => JSON.parse(line) as Event);
}

const trace = (events: Event[]) =>
  events
    .filter((e) => e.event !== 'chapter-start')
    .map((e) => [e.t, e.task, e.event, e.text ?? e.elapsed ?? null]);

describe('chapters on the virtual clock', () => {
  it('lists every chapter in the notebook order', () => {
    expect(Object.keys(CHAPTERS)).toEqual([...CHAPTER_NAMES]);
  });

  it('nested: run() in the running kernel fails, then after apply() it runs greet() for 1 s', async () => {
    const events = await replay('nested');
    const prints = trace(events).filter(([, , event]) => event === 'print');
    // greet() runs as a task of its own on the kernel's loop, named Task-<n> as in asyncio.
    const greet = prints[1]?.[1];
    expect(greet).toMatch(/^Task-\d+$/);
    expect(prints).toEqual([
      [0, 'kernel', 'print', 'RuntimeError: run() cannot be called from a running event loop'],
      [0, greet, 'print', 'Hello'],
      [1, greet, 'print', 'World'],
    ]);
    expect(events.at(-1)).toMatchObject({ event: 'chapter-end', elapsed: 1 });
    expect(isApplied()).toBe(false);
  });

  it('sync: task2 starts only when task1 has ended, 4 s in all', async () => {
    expect(trace(await replay('sync'))).toEqual([
      [0, 'task1', 'task-start', null],
      [0, 'task1', 'print', 'Start task1'],
      [2, 'task1', 'print', 'End task1'],
      [2, 'task1', 'task-end', null],
      [2, 'task2', 'task-start', null],
      [2, 'task2', 'print', 'Start task2'],
      [4, 'task2', 'print', 'End task2'],
      [4, 'task2', 'task-end', null],
      [4, null, 'chapter-end', 4],
    ]);
  });

  it('example-1: the four tasks start at 0 and end at 1, 2, 3 and 4 s', async () => {
    const events = await replay('example-1');
    const ends = events.filter((e) => e.event === 'task-end').map((e) => [e.task, e.t]);
    expect(ends).toEqual([
      ['Task 4', 1],
      ['Task 2', 2],
      ['Task 1', 3],
      ['Task 3', 4],
      ['main', 4],
    ]);
    expect(events.at(-1)).toMatchObject({ event: 'chapter-end', elapsed: 4 });
  });

  it('example-2: both tasks sleep at the same time, 2 s in all', async () => {
    expect(trace(await replay('example-2')).filter(([, , event]) => event === 'print')).toEqual([
      [0, 'task1', 'print', 'Start task1'],
      [0, 'task2', 'print', 'Start task2'],
      [2, 'task1', 'print', 'End task1'],
      [2, 'task2', 'print', 'End task2'],
    ]);
  });

  it('concepts: compare() measures 4 s blocking against 2 s gathered', async () => {
    const events = await replay('concepts');
    expect(events.find((e) => e.event === 'compare')).toMatchObject({
      blocking: 4,
      concurrent: 2,
      speedup: 2,
    });
    expect(events.at(-1)).toMatchObject({ event: 'chapter-end', elapsed: 6 });
  });
});
