/** P1 subprocess: n `true` processes, 20 at a time, each awaited with `wait()`. */

import { spawn } from 'node:child_process';
import { type Coroutine, getRunningLoop, run, runAsync } from '@asyncio-ts/core-loop';
import { createSubprocessExec } from '@asyncio-ts/subprocess';
import { outcome, type Workload } from '../workload.js';

const AT_ONCE = 20;

/** The asyncio-ts program: returns how many processes exited with 0. */
export function* spawnMany(n: number): Coroutine<number> {
  const loop = getRunningLoop();
  let next = 0;
  let ok = 0;
  function* worker(): Coroutine<void> {
    while (next < n) {
      next++;
      const proc = yield* createSubprocessExec('true');
      if ((yield* proc.wait()) === 0) ok++;
    }
  }
  const workers = Array.from({ length: AT_ONCE }, () => loop.createTask(worker()));
  for (const w of workers) yield* w;
  return ok;
}

/** Plain node:child_process: the same, 20 at a time. */
export async function nodeSpawn(n: number): Promise<number> {
  let next = 0;
  let ok = 0;
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const child = spawn('true', [], { stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code ?? -1));
    });
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (next < n) {
        next++;
        if ((await one()) === 0) ok++;
      }
    }),
  );
  return ok;
}

export const p1: Workload = {
  id: 'P1',
  title: 'subprocess spawn',
  description: 'n `true` processes, 20 at a time, each awaited with wait().',
  kind: 'time',
  size: { full: { n: 200, span: 0 }, quick: { n: 2, span: 0 } },
  runs: 5,
  budgetMs: 3_000,
  implementations: [
    {
      id: 'asyncio-ts',
      library: 'asyncio-ts',
      label: 'asyncio-ts `runAsync()`, children on the host',
      run: async ({ n }) => outcome((await runAsync(() => spawnMany(n))) === n),
    },
    {
      id: 'asyncio-ts-run',
      library: 'asyncio-ts',
      label: 'asyncio-ts blocking `run()`, children in the I/O worker',
      run: ({ n }) => outcome(run(() => spawnMany(n)) === n),
    },
    {
      id: 'native',
      library: 'native',
      label: 'plain `node:child_process`',
      run: async ({ n }) => outcome((await nodeSpawn(n)) === n),
    },
    { id: 'cpython', library: 'cpython', label: 'CPython asyncio subprocess', impl: 'subprocess' },
  ],
};
