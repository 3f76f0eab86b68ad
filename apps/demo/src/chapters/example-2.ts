import { type Coroutine, getRunningLoop } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { sleep } from '@asyncio-ts/timers';
import type { Chapter } from '../chapter.js';

/** The notebook's Example-2: the two 2-second tasks of `sync`, gathered, take 2 seconds. */
export const example2: Chapter = {
  name: 'example-2',
  title: 'two 2-second tasks gathered',
  expected: 2,
  async run({ print, run }) {
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

    await run(main(), 'main');
  },
};
