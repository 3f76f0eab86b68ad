import { type Coroutine, run, runAsync } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';

/** The worker module of these tests. */
export const work = new URL('./fixtures/work.mjs', import.meta.url);

/**
 * How a test program runs: a blocking run(), runAsync(), or a nested run() after apply()
 * inside a blocking run (`nested`) or inside runAsync (`nested-host`).
 */
export type Mode = 'run' | 'runAsync' | 'nested' | 'nested-host';

/** Every mode a threads feature must work in. */
export const MODES: readonly Mode[] = ['run', 'runAsync', 'nested', 'nested-host'];

/**
 * Runs `main` in `mode`. The nested modes: an outer run whose task calls a plain function
 * that runs `main` with run() (nest-patch applied for the duration).
 */
export async function runIn<T>(mode: Mode, main: () => Coroutine<T>): Promise<T> {
  if (mode === 'runAsync') return runAsync(main);
  if (mode === 'run') return run(main);
  apply();
  try {
    function* outer(): Coroutine<T> {
      const nestedRunOf = (): T => run(main);
      return nestedRunOf();
    }
    return mode === 'nested' ? run(outer) : await runAsync(outer);
  } finally {
    revert();
  }
}

/** A SharedArrayBuffer of `n` int32 flags that workers set (see fixtures/work.mjs `mark`). */
export function flags(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * n));
}
