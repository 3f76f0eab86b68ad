/**
 * The notebook's first lesson: in Jupyter a loop is already running while a cell executes,
 * so run() fails; after apply() the same cell prints Hello / World.
 */
import { type Coroutine, RuntimeError, run } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { jumpLoop, sleep } from './support.js';

afterEach(() => revert());

/**
 * A kernel: its loop runs, and each cell executes synchronously inside its task; an error
 * a cell throws is printed to `output` as the notebook shows it.
 */
function kernel(cells: (() => void)[], output: string[]): { seconds: number } {
  const { loop, clock } = jumpLoop();
  loop.runUntilComplete(
    (function* kernelMain(): Coroutine<void> {
      for (const cell of cells) {
        try {
          cell();
        } catch (error) {
          output.push(`${(error as Error).name}: ${(error as Error).message}`);
        }
        yield* sleep(0);
      }
    })(),
  );
  loop.close();
  return { seconds: clock.t };
}

describe('the notebook cell', () => {
  it('fails with the asyncio error, then prints Hello / World after apply()', () => {
    const output: string[] = [];
    function* greet(): Coroutine<void> {
      output.push('Hello');
      yield* sleep(1);
      output.push('World');
    }
    const { seconds } = kernel([() => run(greet()), () => apply(), () => run(greet())], output);
    expect(output).toEqual([
      'RuntimeError: run() cannot be called from a running event loop',
      'Hello',
      'World',
    ]);
    expect(seconds).toBe(1);
  });

  it("returns the coroutine's result synchronously to the cell", () => {
    apply();
    const results: unknown[] = [];
    kernel([() => results.push(run(sleep(2, 'slept 2 s')))], []);
    expect(results).toEqual(['slept 2 s']);
  });

  it('throws the refusal as a RuntimeError instance the cell can catch', () => {
    const { loop } = jumpLoop();
    let error: unknown;
    loop.runUntilComplete(
      (function* () {
        try {
          run(sleep(1));
        } catch (e) {
          error = e;
        }
        yield* sleep(0);
      })(),
    );
    loop.close();
    expect(error).toBeInstanceOf(RuntimeError);
  });
});
