/**
 * The seed notebook's Example-1, as a user who installed `@asyncio-ts/timers` alone would
 * write it (core-loop comes along as its dependency; gather is another package, so the
 * tasks are awaited one by one, which prints the same lines).
 */
const body = `
function* asyncTask(name, duration) {
  console.log(\`Start \${name}\`);
  yield* sleep(duration);
  console.log(\`End \${name}\`);
}
function* main() {
  console.log('Starting asynchronous tasks...');
  const tasks = [
    createTask(asyncTask('Task 1', 3)),
    createTask(asyncTask('Task 2', 2)),
    createTask(asyncTask('Task 3', 4)),
    createTask(asyncTask('Task 4', 1)),
  ];
  for (const task of tasks) yield* task;
  console.log('All asynchronous tasks finished.');
  return getRunningLoop().time();
}
const elapsed = run(main, { clock: new VirtualClock() });
console.log(\`elapsed \${Math.round(elapsed)} s\`);
`;

const createTask = 'const createTask = (coro) => getRunningLoop().createTask(coro);';

export const esmProgram = `import { getRunningLoop, run } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';
${createTask}
${body}`;

export const cjsProgram = `const { getRunningLoop, run } = require('@asyncio-ts/core-loop');
const { sleep, VirtualClock } = require('@asyncio-ts/timers');
${createTask}
${body}`;

export const strictTsProgram = `import { type Coroutine, getRunningLoop, run, type Task } from '@asyncio-ts/core-loop';
import { sleep, VirtualClock } from '@asyncio-ts/timers';

declare const console: { log(line: string): void };

function* asyncTask(name: string, duration: number): Coroutine<void> {
  console.log(\`Start \${name}\`);
  yield* sleep(duration);
  console.log(\`End \${name}\`);
}
function* main(): Coroutine<number> {
  console.log('Starting asynchronous tasks...');
  const loop = getRunningLoop();
  const tasks: Task<void>[] = [
    loop.createTask(asyncTask('Task 1', 3)),
    loop.createTask(asyncTask('Task 2', 2)),
    loop.createTask(asyncTask('Task 3', 4)),
    loop.createTask(asyncTask('Task 4', 1)),
  ];
  for (const task of tasks) yield* task;
  console.log('All asynchronous tasks finished.');
  return loop.time();
}
const elapsed: number = run(main, { clock: new VirtualClock() });
console.log(\`elapsed \${Math.round(elapsed)} s\`);
`;

/** A consumer as strict as they come: no skipLibCheck, only the es2022 lib, Node16 modules. */
export const strictTsConfig = {
  compilerOptions: {
    target: 'es2022',
    lib: ['es2022'],
    types: [],
    module: 'node16',
    moduleResolution: 'node16',
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    skipLibCheck: false,
    outDir: 'out',
  },
  files: ['example-1.ts'],
};

/** What the notebook prints for Example-1 (shared/reference/examples/notebook_example_1.out). */
export const expectedOutput = `Starting asynchronous tasks...
Start Task 1
Start Task 2
Start Task 3
Start Task 4
End Task 4
End Task 2
End Task 1
End Task 3
All asynchronous tasks finished.
elapsed 4 s
`;
