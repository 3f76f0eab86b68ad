import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { JsonReporter, TextReporter } from '../src/reporter.js';

function sink() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

describe('JsonReporter', () => {
  it('writes one JSON object per event, chapter first, t rounded to the microsecond', () => {
    const out = sink();
    const reporter = new JsonReporter(out);
    reporter.chapterStart('example-2', 'two tasks', 2);
    reporter.taskStart('task1', 0);
    reporter.print('task1', 'Start task1', 0.0000001);
    reporter.taskEnd('task1', 2.0000000004, 'finished');
    reporter.chart();
    reporter.chapterEnd(2, 2);
    expect(
      out
        .text()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        chapter: 'example-2',
        task: null,
        event: 'chapter-start',
        t: 0,
        title: 'two tasks',
        expected: 2,
      },
      { chapter: 'example-2', task: 'task1', event: 'task-start', t: 0 },
      { chapter: 'example-2', task: 'task1', event: 'print', t: 0, text: 'Start task1' },
      { chapter: 'example-2', task: 'task1', event: 'task-end', t: 2, outcome: 'finished' },
      { chapter: 'example-2', task: null, event: 'chapter-end', t: 2, elapsed: 2, expected: 2 },
    ]);
  });
});

describe('TextReporter', () => {
  it('prints the heading, the lines, then elapsed and expected time', () => {
    const out = sink();
    const reporter = new TextReporter(out, sink(), pc.createColors(false), { kind: 'real' });
    reporter.chapterStart('sync', 'blocking');
    reporter.print(null, 'Start task1');
    reporter.chapterEnd(4.00123, 4);
    expect(out.text()).toBe('== sync: blocking\nStart task1\nelapsed 4.001 s (expected 4 s)\n');
  });

  it('says which clock the time was measured on', () => {
    const virtual = sink();
    new TextReporter(virtual, sink(), pc.createColors(false), { kind: 'virtual' }).chapterEnd(4, 4);
    expect(virtual.text()).toBe('elapsed 4 s of virtual time (expected 4 s)\n');
    const fast = sink();
    new TextReporter(fast, sink(), pc.createColors(false), { kind: 'speed', rate: 10 }).chapterEnd(
      2.0004,
      2,
    );
    expect(fast.text()).toBe('elapsed 2.000 s on a clock running 10× real time (expected 2 s)\n');
  });

  it('ends the line the terminal left after ^C and says what happened on stderr', () => {
    const out = sink();
    const err = sink();
    new TextReporter(out, err, pc.createColors(false), { kind: 'real' }).interrupted();
    expect(out.text()).toBe('\n');
    expect(err.text()).toBe("Interrupted (Ctrl-C): the chapter's tasks were cancelled.\n");
  });
});
