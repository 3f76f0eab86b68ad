import { run, runAsync } from '@asyncio-ts/core-loop';
import { describe, expect, it } from 'vitest';
import { createSubprocessExec } from '../src/index.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function* startSleeper() {
  const proc = yield* createSubprocessExec('sleep', ['30']);
  return proc.pid;
}

describe('a child left running when the loop closes', () => {
  it.each(['run', 'runAsync'] as const)('is reported and killed (%s)', async (mode) => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    const pid = mode === 'run' ? run(startSleeper) : await runAsync(startSleeper);
    const deadline = Date.now() + 5000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    process.off('warning', onWarning);
    expect(alive(pid)).toBe(false);
    expect(
      warnings.some((w) => w.startsWith('ResourceWarning: unclosed subprocess transport')),
    ).toBe(true);
  });
});
