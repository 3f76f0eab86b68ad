import { type Coroutine, RuntimeError, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { sleep } from '@asyncio-ts/timers';
import type { Chapter } from '../chapter.js';

/**
 * The notebook's first cells: in Jupyter a loop is already running, so `asyncio.run(main())`
 * fails; after `nest_asyncio.apply()` the same call works. Here the "kernel" is an outer
 * run() whose main task runs the cells.
 */
export const nested: Chapter = {
  name: 'nested',
  title: 'run() inside a running loop fails; nest-patch apply() fixes it',
  expected: 1,
  async run({ print, run: runKernel }) {
    function* main(): Coroutine<void> {
      print('Hello');
      yield* sleep(1);
      print('World');
    }

    function* greet(): Coroutine<void> {
      print('Hello');
      yield* sleep(1);
      print('World');
    }

    function firstCell(): void {
      const coro = main();
      try {
        run(coro);
      } catch (error) {
        if (!(error instanceof RuntimeError)) throw error;
        coro.return(undefined);
        print(`RuntimeError: ${error.message}`);
      }
    }

    function secondCell(): void {
      // Fix event loop so we can nest it
      apply();
      try {
        // Now works fine even in Jupyter
        run(greet());
      } finally {
        revert();
      }
    }

    function* kernel(): Coroutine<void> {
      firstCell();
      secondCell();
    }

    await runKernel(kernel(), 'kernel');
  },
};
