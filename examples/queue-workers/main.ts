// The asyncio docs' Queue example ("Queues" page) ported to asyncio-ts: three workers process
// a queue of sleeps. Next to it, main.py is the Python original; both print the same lines.
// The 20 random sleeps are fixed (drawn once with Python's random.seed(2024)).
import { type Clock, type Coroutine, getRunningLoop, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { Queue } from '@asyncio-ts/queues';
import { sleep } from '@asyncio-ts/timers';

const SLEEPS = [
  0.497, 0.742, 0.339, 0.893, 0.44, 0.731, 0.302, 0.283, 0.822, 0.523, 0.445, 0.741, 0.965, 0.344,
  0.719, 0.543, 0.745, 1.0, 0.246, 0.765,
];

type Print = (line: string) => void;

function* worker(name: string, queue: Queue<number>, print: Print): Coroutine<never> {
  for (;;) {
    // Get a "work item" out of the queue.
    const sleepFor = yield* queue.get();

    // Sleep for the "sleepFor" seconds.
    yield* sleep(sleepFor);

    // Notify the queue that the "work item" has been processed.
    queue.taskDone();

    print(`${name} has slept for ${sleepFor.toFixed(2)} seconds`);
  }
}

/** The example's main(); `print` defaults to console.log. */
export function* main(print: Print = console.log): Coroutine<void> {
  // Create a queue that we will use to store our "workload".
  const queue = new Queue<number>();

  // Generate random timings and put them into the queue.
  let totalSleepTime = 0;
  for (const sleepFor of SLEEPS) {
    totalSleepTime += sleepFor;
    queue.putNowait(sleepFor);
  }

  // Create three worker tasks to process the queue concurrently.
  const loop = getRunningLoop();
  const tasks = [];
  for (let i = 0; i < 3; i++) {
    const task = loop.createTask(worker(`worker-${i}`, queue, print));
    tasks.push(task);
  }

  // Wait until the queue is fully processed (loop.time() is the loop's monotonic clock).
  const startedAt = loop.time();
  yield* queue.join();
  const totalSleptFor = loop.time() - startedAt;

  // Cancel our worker tasks.
  for (const task of tasks) task.cancel();
  // Wait until all worker tasks are cancelled.
  yield* gather(tasks, { returnExceptions: true });

  print('====');
  print(`3 workers slept in parallel for ${totalSleptFor.toFixed(2)} seconds`);
  print(`total expected sleep time: ${totalSleepTime.toFixed(2)} seconds`);
}

/** Runs the example (real time by default, like Python; pass a VirtualClock for instant). */
export function runExample(print?: Print, clock?: Clock): void {
  run(() => main(print), clock === undefined ? {} : { clock });
}

// node --experimental-strip-types examples/queue-workers/main.ts (or tsx)
if (import.meta.url === `file://${process.argv[1]}`) runExample();
