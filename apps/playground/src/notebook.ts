/** One code cell of the notebook, with the prose (HTML) shown above it. */
export interface NotebookCell {
  /** The cell's id in the page's contract: `<pre data-output="ID">`, `/?run=ID`. */
  readonly id: CellId;
  /** Paragraphs above the cell, as HTML (written here, trusted). */
  readonly prose: string;
  /** The cell's code (TypeScript), as the page first shows it. */
  readonly source: string;
  /** What the cell prints, as the notebook shows it. */
  readonly expected: readonly string[];
}

/** The cells' ids, in notebook order. */
export const CELL_IDS = ['nested', 'nested-fixed', 'sync', 'example-1', 'example-2'] as const;

/** A cell's id. */
export type CellId = (typeof CELL_IDS)[number];

const nested = `import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { sleep } from '@asyncio-ts/timers';

function* main(): Coroutine<void> {
  print('Hello');
  yield* sleep(1);
  print('World');
}
run(main());
`;

const nestedFixed = `import { type Coroutine, run } from '@asyncio-ts/core-loop';
import { apply } from '@asyncio-ts/nest-patch';
import { sleep } from '@asyncio-ts/timers';

// Fix event loop so we can nest it
apply();

function* greet(): Coroutine<void> {
  print('Hello');
  yield* sleep(1);
  print('World');
}

// ✓ Now works fine even in this page
run(greet());
`;

const sync = `import { sleepSync } from '@asyncio-ts/sync-baseline';

function task1(): void {
  print('Start task1');
  sleepSync(2); // Blocks program for 2 seconds
  print('End task1');
}

function task2(): void {
  print('Start task2');
  sleepSync(2); // Blocks program for 2 seconds
  print('End task2');
}

task1();
task2();
`;

const example1 = `import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { apply } from '@asyncio-ts/nest-patch';
import { sleep } from '@asyncio-ts/timers';

/** An asynchronous task that sleeps for a given duration. */
function* asyncTask(name: string, duration: number): Coroutine<void> {
  print(\`Start \${name}\`);
  yield* sleep(duration); // Non-blocking sleep
  print(\`End \${name}\`);
}

/** asyncio.create_task(coro, name=...): named, so the timeline labels its row. */
function task(name: string, duration: number): Task<void> {
  return getRunningLoop().createTask(asyncTask(name, duration), { name });
}

/** Runs multiple asynchronous tasks concurrently. */
function* main(): Coroutine<void> {
  print('Starting asynchronous tasks...');
  // Run multiple tasks at the same time
  yield* gather(task('Task 1', 3), task('Task 2', 2), task('Task 3', 4), task('Task 4', 1));
  print('All asynchronous tasks finished.');
}

// Use nest-patch to allow run() where an event loop is already running
apply();

// Run the main asynchronous function
run(main());
`;

const example2 = `import { type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';

function* task1(): Coroutine<void> {
  print('Start task1');
  yield* sleep(2); // Non-blocking sleep
  print('End task1');
}

function* task2(): Coroutine<void> {
  print('Start task2');
  yield* sleep(2);
  print('End task2');
}

function* main(): Coroutine<void> {
  // Run both tasks at the same time (named, so the timeline labels their rows)
  const loop = getRunningLoop();
  yield* gather(
    loop.createTask(task1(), { name: 'task1' }),
    loop.createTask(task2(), { name: 'task2' }),
  );
}

run(main());
`;

/** The seed notebook's code cells, in its order, with its prose. */
export const NOTEBOOK: readonly NotebookCell[] = [
  {
    id: 'nested',
    prose: `<p>Python's asyncio module is used for asynchronous programming (async / await); in
asyncio-ts a coroutine is a generator, and <code>yield*</code> plays the role of
<code>await</code>. In a normal script, <code>run(main())</code> works fine.</p>
<p>→ But in some environments (like Jupyter Notebook, IPython, or Google Colab, and like
this page), there's already an event loop running in the background. If you try to call
<code>run()</code> there, you'll get the error below.</p>`,
    source: nested.trimEnd(),
    expected: ['RuntimeError: run() cannot be called from a running event loop'],
  },
  {
    id: 'nested-fixed',
    prose: `<h2>What nest-patch does</h2>
<p><code>@asyncio-ts/nest-patch</code> is asyncio-ts's <code>nest_asyncio</code>: it patches
the event loop so you can nest event loops inside each other. <code>apply()</code> modifies
(monkey-patches) the default event loop behaviour. After applying it, you can safely call
<code>run()</code> (and even start new event loops) inside an environment that already has
one running.</p>`,
    source: nestedFixed.trimEnd(),
    expected: ['Hello', 'World'],
  },
  {
    id: 'sync',
    prose: `<p>✓ In short: <code>apply()</code> patches the loop so you can re-enter or nest event
loops. It's mainly used in interactive environments (like Jupyter, or this page), where an
event loop is already running.</p>
<hr>
<h2>1. The problem asyncio solves</h2>
<p>Normally, code runs synchronously — one line at a time. <code>sleepSync()</code> is
Python's <code>time.sleep()</code>: it blocks the thread, so the page runs blocking cells in
a Web Worker.</p>`,
    source: sync.trimEnd(),
    expected: ['Start task1', 'End task1', 'Start task2', 'End task2'],
  },
  {
    id: 'example-1',
    prose: `<p>→ Both tasks block each other because <code>sleepSync()</code> stops everything.</p>
<h2>2. Enter asyncio</h2>
<p>asyncio lets you write code that can pause at certain points (like waiting for I/O,
network, or sleep) and allow other tasks to run in the meantime. It doesn't create new
threads: it's still single-threaded, but it switches between tasks when one is waiting.</p>
<p>Think of it like: <b>synchronous</b>, a chef cooks dish A completely, then starts dish B;
<b>asynchronous</b>, while dish A is in the oven (waiting), the chef starts cooking dish B.</p>
<h3>Example-1</h3>`,
    source: example1.trimEnd(),
    expected: [
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
  },
  {
    id: 'example-2',
    prose: `<p>All of them run concurrently using <code>gather()</code>.</p>
<h3>Example-2</h3>`,
    source: example2.trimEnd(),
    expected: ['Start task1', 'Start task2', 'End task1', 'End task2'],
  },
];

/** The notebook's closing notes, shown after the last cell (HTML). */
export const KEY_CONCEPTS = `<h2>Key concepts in asyncio-ts</h2>
<ol>
<li><code>function*</code> defines a coroutine (a function that can pause and resume).</li>
<li><code>yield*</code> pauses the coroutine until the awaited task finishes:
<code>yield* sleep(1)</code> gives control back to the event loop.</li>
<li>The event loop is the scheduler that runs all tasks: <code>run(main())</code> starts it,
runs <code>main()</code>, and stops it when finished.</li>
<li><code>gather()</code> runs several coroutines concurrently:
<code>yield* gather(task1(), task2(), task3())</code>.</li>
<li><code>sleepSync(2)</code> blocks everything for 2 seconds; <code>yield* sleep(2)</code>
pauses this coroutine but lets other coroutines run during that time.</li>
</ol>`;
