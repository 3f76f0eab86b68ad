import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Coroutine } from '@asyncio-ts/core-loop';
import { run, runAsync } from '@asyncio-ts/core-loop';
import { apply, revert } from '@asyncio-ts/nest-patch';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of `text`. */
export function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The text of UTF-8 `data`. */
export function text(data: Uint8Array): string {
  return decoder.decode(data);
}

/** How a test runs its main coroutine: blocking, on the host, or nested after apply(). */
export type Mode = 'run' | 'runAsync' | 'nested';

/** Every mode, for `describe.each`. */
export const MODES: Mode[] = ['run', 'runAsync', 'nested'];

/**
 * Runs `main` in `mode`. `nested`: inside a runAsync loop with nest-patch applied, a plain
 * function calls run(main), as a notebook cell calls asyncio.run.
 */
export async function runIn<T>(mode: Mode, main: () => Coroutine<T>): Promise<T> {
  if (mode === 'run') return run(main);
  if (mode === 'runAsync') return runAsync(main);
  apply();
  try {
    return await runAsync(function* outer() {
      yield;
      return run(main);
    });
  } finally {
    revert();
  }
}

let counter = 0;
/** A fresh Unix socket path in the temp directory. */
export function socketPath(): string {
  counter++;
  return join(tmpdir(), `asyncio-ts-streams-${process.pid}-${counter}.sock`);
}
