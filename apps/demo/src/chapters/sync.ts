import { sleepSync } from '@asyncio-ts/sync-baseline';
import type { Chapter } from '../chapter.js';

/** The notebook's "problem asyncio solves": two blocking 2-second tasks take 4 seconds. */
export const sync: Chapter = {
  name: 'sync',
  title: 'task1 and task2 with the blocking sleepSync(2)',
  expected: 4,
  async run({ print, blocking, clock }) {
    const options = clock === undefined ? {} : { clock };

    function task1(): void {
      print('Start task1');
      sleepSync(2, options); // Blocks program for 2 seconds
      print('End task1');
    }

    function task2(): void {
      print('Start task2');
      sleepSync(2, options); // Blocks program for 2 seconds
      print('End task2');
    }

    await blocking('task1', task1);
    await blocking('task2', task2);
  },
};
