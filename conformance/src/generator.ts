/**
 * The generative layer: a seeded generator of small random concurrent programs, written out
 * once in Python (asyncio) and once in TypeScript (asyncio-ts), that print a trace of the
 * order in which things happen.
 *
 * Operations: spawn (workers, and tasks spawned by workers), sleep, cancel, gather, await,
 * raise, catch (ValueError, and CancelledError re-raised or swallowed).
 *
 * Time: every sleep targets its own whole tick, distinct across the whole program, counted
 * from the start of `main` (`sleep(tick * U - elapsed)`). On the virtual clock a tick is one
 * second; Python's real clock runs with a tiny `U`. With absolute, distinct deadlines the
 * order of wake-ups does not depend on how late Python's loop runs (a delay that would start
 * late is not added to the next one), nor on how timers with equal deadlines are ordered
 * (asyncio leaves that undefined). A sleep whose tick has already passed gives up the turn
 * once (a delay <= 0) in both languages. Await and gather only target later workers, so no
 * program can wait on itself.
 *
 * Extended programs (`generateProgram(seed, { extended: true })`) add what plain ones avoid:
 * nested runs (a worker calls `run(sub(...))` while the loop runs: nest_asyncio in Python,
 * nest-patch here) and await cycles (`waitFor(tasks[k], deadline)` may target any other
 * worker, so two workers can wait on each other until a deadline cancels one of them).
 * Every program, plain or extended, runs on a VirtualClock that starts far from 0 for some
 * seeds (2^24 s and more), where timer arithmetic is least exact.
 */

/** A tick: the whole-second (virtual) deadline of one sleep, unique in its program. */
interface Tick {
  n: number;
}

interface Sub {
  name: string;
  tick: Tick;
  fail: boolean;
}

type Part = { task: number } | { sub: Sub };

type Stmt =
  | { op: 'sleep'; tick: Tick }
  | { op: 'cancel'; target: number }
  | { op: 'await'; target: number }
  | { op: 'gather'; parts: Part[] }
  | { op: 'spawn'; sub: Sub }
  | { op: 'raise' }
  | { op: 'nested'; sub: Sub }
  | { op: 'waitFor'; target: number; tick: Tick }
  | { op: 'catch'; body: Stmt[]; onCancel: 'none' | 'reraise' | 'swallow' };

/** One generated program, before it is written out. */
export interface Program {
  seed: number;
  /** Nested runs and await cycles may appear (Python needs nest_asyncio). */
  extended: boolean;
  /** Where the TypeScript side's VirtualClock starts (the trace never shows it). */
  clockStart: number;
  workers: Stmt[][];
  main: Stmt[];
}

/** mulberry32: small, fast and good enough to pick operations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** VirtualClock starts: 0, and far values where `now + 1e-9 == now`. */
const CLOCK_STARTS = [0, 2 ** 24, 1_700_000_000, 2 ** 40, 2 ** 52];

/** Options of `generateProgram`. */
export interface GenerateOptions {
  /** Also nested runs and await cycles (default false). */
  extended?: boolean;
}

/** Generates the program for one seed. */
export function generateProgram(seed: number, options?: GenerateOptions): Program {
  const extended = options?.extended === true;
  // Its own stream, so that plain programs keep the operations they always had.
  const clockStart = CLOCK_STARTS[(prng(seed ^ 0x5eed)() * CLOCK_STARTS.length) | 0] as number;
  const random = prng(extended ? seed ^ 0x0e7e4d : seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const ticks: Tick[] = [];
  const newTick = (): Tick => {
    const tick = { n: 0 };
    ticks.push(tick);
    return tick;
  };
  const workerCount = int(2, 4);
  const subCounts = new Map<number, number>();
  const newSub = (worker: number): Sub => {
    const k = (subCounts.get(worker) ?? 0) + 1;
    subCounts.set(worker, k);
    return { name: `w${worker}s${k}`, tick: newTick(), fail: random() < 0.3 };
  };
  const others = (self: number) =>
    Array.from({ length: workerCount }, (_, i) => i + 1).filter((j) => j !== self);
  const later = (self: number) =>
    Array.from({ length: workerCount - self }, (_, i) => self + 1 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

  const block = (self: number, depth: number): Stmt[] => {
    const stmts: Stmt[] = [];
    const length = int(1, depth === 0 ? 4 : 2);
    for (let i = 0; i < length; i++) {
      const roll = random();
      const targets = later(self);
      if (roll < 0.32) {
        stmts.push({ op: 'sleep', tick: newTick() });
      } else if (roll < 0.42) {
        stmts.push({ op: 'cancel', target: pick(others(self)) });
      } else if (extended && roll < 0.5) {
        stmts.push({ op: 'waitFor', target: pick(others(self)), tick: newTick() });
      } else if (roll < 0.54 && targets.length > 0) {
        stmts.push({ op: 'await', target: pick(targets) });
      } else if (roll < 0.66) {
        const parts: Part[] = [];
        const taskTargets = targets.filter(() => random() < 0.5);
        for (const task of taskTargets) parts.push({ task });
        for (let k = int(taskTargets.length === 0 ? 1 : 0, 2); k > 0; k--)
          parts.push({ sub: newSub(self) });
        stmts.push({ op: 'gather', parts });
      } else if (roll < 0.72) {
        if (extended && random() < 0.5) stmts.push({ op: 'nested', sub: newSub(self) });
        else stmts.push({ op: 'spawn', sub: newSub(self) });
      } else if (roll < 0.88 && depth < 2) {
        stmts.push({
          op: 'catch',
          body: block(self, depth + 1),
          onCancel: pick(['none', 'reraise', 'swallow'] as const),
        });
      } else if (roll >= 0.88) {
        stmts.push({ op: 'raise' });
        break;
      } else {
        stmts.push({ op: 'sleep', tick: newTick() });
      }
    }
    return stmts;
  };

  const workers = Array.from({ length: workerCount }, (_, i) => block(i + 1, 0));
  if (extended && random() < 0.6) {
    // An await cycle for sure: a awaits b while b waits for a until a deadline.
    const a = int(1, workerCount - 1);
    const b = int(a + 1, workerCount);
    (workers[a - 1] as Stmt[]).unshift({ op: 'await', target: b });
    (workers[b - 1] as Stmt[]).unshift({ op: 'waitFor', target: a, tick: newTick() });
  }
  const main: Stmt[] = [];
  for (let k = int(0, 2); k > 0; k--) {
    main.push(
      random() < 0.5
        ? { op: 'sleep', tick: newTick() }
        : { op: 'cancel', target: int(1, workerCount) },
    );
  }
  // Distinct ticks, in random order: 1..N shuffled.
  const order = ticks.map((_, i) => i + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  ticks.forEach((tick, i) => {
    tick.n = order[i] as number;
  });
  return { seed, extended, clockStart, workers, main };
}

// ---------------------------------------------------------------- Python

function pyStmts(stmts: Stmt[], who: string, indent: string): string[] {
  const lines: string[] = [];
  for (const s of stmts) {
    switch (s.op) {
      case 'sleep':
        lines.push(
          `${indent}await tick(${s.tick.n})`,
          `${indent}print("${who} tick", ${s.tick.n})`,
        );
        break;
      case 'cancel':
        lines.push(`${indent}print("${who} cancel w${s.target}", tasks[${s.target}].cancel())`);
        break;
      case 'await':
        lines.push(`${indent}print("${who} got", await tasks[${s.target}])`);
        break;
      case 'gather': {
        const parts = s.parts.map((p) =>
          'task' in p
            ? `tasks[${p.task}]`
            : `sub("${p.sub.name}", ${p.sub.tick.n}, ${p.sub.fail ? 'True' : 'False'})`,
        );
        lines.push(`${indent}print("${who} gathered", await asyncio.gather(${parts.join(', ')}))`);
        break;
      }
      case 'spawn': {
        const { name, tick, fail } = s.sub;
        lines.push(
          `${indent}spawned.append(("${name}", asyncio.create_task(sub("${name}", ${tick.n}, ${fail ? 'True' : 'False'}))))`,
        );
        break;
      }
      case 'raise':
        lines.push(`${indent}raise ValueError("${who}")`);
        break;
      case 'nested': {
        const { name, tick, fail } = s.sub;
        lines.push(
          `${indent}print("${who} nested", asyncio.run(sub("${name}", ${tick.n}, ${fail ? 'True' : 'False'})))`,
        );
        break;
      }
      case 'waitFor':
        lines.push(
          `${indent}print("${who} waited", await asyncio.wait_for(tasks[${s.target}], left(${s.tick.n})))`,
        );
        break;
      case 'catch':
        lines.push(`${indent}try:`, ...pyStmts(s.body, who, `${indent}    `));
        lines.push(`${indent}except ValueError as e:`, `${indent}    print("${who} caught", e)`);
        if (s.onCancel !== 'none') {
          lines.push(
            `${indent}except asyncio.CancelledError:`,
            `${indent}    print("${who} caught cancel")`,
          );
          if (s.onCancel === 'reraise') lines.push(`${indent}    raise`);
        }
        break;
    }
  }
  return lines;
}

/** The program in Python. It reads the tick length from the global `U` (seconds). */
export function toPython(program: Program): string {
  const n = program.workers.length;
  const names = Array.from({ length: n }, (_, i) => `"w${i + 1}"`).join(', ');
  const lines = [
    `# seed ${program.seed}`,
    'import asyncio',
    '',
    'async def main():',
    '    loop = asyncio.get_running_loop()',
    '    t0 = loop.time()',
    '    tasks = {}',
    '    spawned = []',
    '',
    '    def show(r):',
    '        return f"{type(r).__name__}({r})" if isinstance(r, BaseException) else r',
    '',
    '    def left(n):',
    '        return n * U - (loop.time() - t0)',
    '',
    '    async def tick(n):',
    '        await asyncio.sleep(left(n))',
    '',
    '    async def sub(name, n, fail):',
    '        print(name, "start")',
    '        await tick(n)',
    '        print(name, "tick", n)',
    '        if fail:',
    '            raise ValueError(name)',
    '        return name',
  ];
  program.workers.forEach((body, i) => {
    const who = `w${i + 1}`;
    lines.push('', `    async def ${who}():`, `        print("${who} start")`);
    lines.push(...pyStmts(body, who, '        '));
    lines.push(`        print("${who} end")`, `        return "${who}"`);
  });
  lines.push('');
  for (let i = 1; i <= n; i++) lines.push(`    tasks[${i}] = asyncio.create_task(w${i}())`);
  lines.push(...pyStmts(program.main, 'main', '    '));
  lines.push(
    '    results = await asyncio.gather(*tasks.values(), return_exceptions=True)',
    `    for name, r in zip([${names}], results):`,
    '        print(name, "=", show(r))',
    '    results = await asyncio.gather(*(t for _, t in spawned), return_exceptions=True)',
    '    for (name, _), r in zip(spawned, results):',
    '        print(name, "=", show(r))',
    '',
    ...(program.extended ? ['import nest_asyncio', 'nest_asyncio.apply()'] : []),
    'asyncio.run(main())',
  );
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- TypeScript

function tsStmts(stmts: Stmt[], who: string, indent: string): string[] {
  const lines: string[] = [];
  for (const s of stmts) {
    switch (s.op) {
      case 'sleep':
        lines.push(
          `${indent}yield* tick(${s.tick.n});`,
          `${indent}print('${who} tick', ${s.tick.n});`,
        );
        break;
      case 'cancel':
        lines.push(`${indent}print('${who} cancel w${s.target}', tasks[${s.target}].cancel());`);
        break;
      case 'await':
        lines.push(`${indent}print('${who} got', yield* tasks[${s.target}]);`);
        break;
      case 'gather': {
        const parts = s.parts.map((p) =>
          'task' in p ? `tasks[${p.task}]` : `sub('${p.sub.name}', ${p.sub.tick.n}, ${p.sub.fail})`,
        );
        lines.push(`${indent}print('${who} gathered', yield* gather(${parts.join(', ')}));`);
        break;
      }
      case 'spawn': {
        const { name, tick, fail } = s.sub;
        lines.push(
          `${indent}spawned.push(['${name}', loop.createTask(sub('${name}', ${tick.n}, ${fail}))]);`,
        );
        break;
      }
      case 'raise':
        lines.push(`${indent}throw new ValueError('${who}');`);
        break;
      case 'nested': {
        const { name, tick, fail } = s.sub;
        lines.push(`${indent}print('${who} nested', run(sub('${name}', ${tick.n}, ${fail})));`);
        break;
      }
      case 'waitFor':
        lines.push(
          `${indent}print('${who} waited', yield* waitFor(tasks[${s.target}], left(${s.tick.n})));`,
        );
        break;
      case 'catch': {
        lines.push(
          `${indent}try {`,
          ...tsStmts(s.body, who, `${indent}  `),
          `${indent}} catch (e) {`,
        );
        lines.push(`${indent}  if (e instanceof ValueError) print('${who} caught', e.message);`);
        if (s.onCancel !== 'none') {
          lines.push(
            `${indent}  else if (e instanceof CancelledError) {`,
            `${indent}    print('${who} caught cancel');`,
          );
          if (s.onCancel === 'reraise') lines.push(`${indent}    throw e;`);
          lines.push(`${indent}  }`);
        }
        lines.push(`${indent}  else throw e;`, `${indent}}`);
        break;
      }
    }
  }
  return lines;
}

/** The names a TypeScript program uses, in the order `runTypeScriptProgram` passes them. */
export const programGlobals = [
  'print',
  'run',
  'getRunningLoop',
  'CancelledError',
  'sleep',
  'VirtualClock',
  'gather',
  'waitFor',
  'apply',
];

/** How the TypeScript program gets its globals, shown above it when a seed fails. */
export const typescriptPrelude = [
  "import { CancelledError, getRunningLoop, run } from '@asyncio-ts/core-loop';",
  "import { gather } from '@asyncio-ts/gather';",
  "import { apply } from '@asyncio-ts/nest-patch';",
  "import { sleep, VirtualClock, waitFor } from '@asyncio-ts/timers';",
  "import { createPrinter } from './src/pyfmt.js';",
  'const { print } = createPrinter();',
].join('\n');

/** The program in TypeScript (plain JavaScript syntax, so it can run from a string). */
export function toTypeScript(program: Program): string {
  const n = program.workers.length;
  const list = Array.from({ length: n }, (_, i) => `tasks[${i + 1}]`).join(', ');
  const lines = [
    `// seed ${program.seed}`,
    "class ValueError extends Error { constructor(m) { super(m); this.name = 'ValueError'; } }",
    '',
    'function* main() {',
    '  const loop = getRunningLoop();',
    '  const t0 = loop.time();',
    '  const tasks = {};',
    '  const spawned = [];',
    '',
    "  const show = (r) => (r instanceof Error ? r.name + '(' + r.message + ')' : r);",
    '',
    '  const left = (n) => n - (loop.time() - t0);',
    '',
    '  function* tick(n) {',
    '    yield* sleep(left(n));',
    '  }',
    '',
    '  function* sub(name, n, fail) {',
    "    print(name, 'start');",
    '    yield* tick(n);',
    "    print(name, 'tick', n);",
    '    if (fail) throw new ValueError(name);',
    '    return name;',
    '  }',
  ];
  program.workers.forEach((body, i) => {
    const who = `w${i + 1}`;
    lines.push('', `  function* ${who}() {`, `    print('${who} start');`);
    lines.push(...tsStmts(body, who, '    '));
    lines.push(`    print('${who} end');`, `    return '${who}';`, '  }');
  });
  lines.push('');
  for (let i = 1; i <= n; i++) lines.push(`  tasks[${i}] = loop.createTask(w${i}());`);
  lines.push(...tsStmts(program.main, 'main', '  '));
  lines.push(
    `  let results = yield* gather([${list}], { returnExceptions: true });`,
    `  results.forEach((r, i) => print('w' + (i + 1), '=', show(r)));`,
    '  results = yield* gather(spawned.map(([, t]) => t), { returnExceptions: true });',
    "  results.forEach((r, i) => print(spawned[i][0], '=', show(r)));",
    '}',
    '',
    ...(program.extended ? ['apply();'] : []),
    `run(main, { clock: new VirtualClock(${program.clockStart === 0 ? '' : `{ start: ${program.clockStart} }`}) });`,
  );
  return `${lines.join('\n')}\n`;
}
