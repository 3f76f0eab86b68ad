import { type Coroutine, getRunningLoop, type Task } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';
import type { Chapter } from '../chapter.js';

/** The notebook's Example-1: four tasks of 3, 2, 4 and 1 s gathered end after 4 s. */
export const example1: Chapter = {
  name: 'example-1',
  title: 'four tasks of 3, 2, 4 and 1 s gathered',
  expected: 4,
  async run({ print, run }) {
    /** An asynchronous task that sleeps for a given duration. */
    function* asyncTask(name: string, duration: number): Coroutine<void> {
      print(`Start ${name}`);
      yield* sleep(duration); // Non-blocking sleep
      print(`End ${name}`);
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

    // No nest-patch needed here: unlike Jupyter, no loop is running yet.
    await run(main(), 'main');
  },
};
