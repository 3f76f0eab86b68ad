/**
 * The asyncio docs' subprocess example: run shell commands, one alone and two in parallel,
 * and print what each one wrote. See main.py for the original.
 */
import { type Clock, type Coroutine, run } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { createSubprocessShell, PIPE } from '@asyncio-ts/subprocess';

const decode = (data: Uint8Array) => new TextDecoder().decode(data);

/** Runs the example; `print` gets each line CPython would print. */
export function runExample(print: (line: string) => void, clock?: Clock): void {
  function* runCmd(cmd: string): Coroutine<void> {
    const proc = yield* createSubprocessShell(cmd, { stdout: PIPE, stderr: PIPE });

    const [stdout, stderr] = yield* proc.communicate();

    print(`['${cmd}' exited with ${proc.returncode}]`);
    if (stdout !== null && stdout.length > 0) print(`[stdout]\n${decode(stdout)}`);
    if (stderr !== null && stderr.length > 0) print(`[stderr]\n${decode(stderr)}`);
  }

  function* main(): Coroutine<void> {
    yield* runCmd('ls /zzz');
    yield* gather(runCmd('ls /zzz'), runCmd('sleep 1; echo "hello"'));
  }

  run(main, clock === undefined ? undefined : { clock });
}

// node --experimental-strip-types examples/subprocess-shell/main.ts (or tsx)
if (import.meta.url === `file://${process.argv[1]}`) runExample(console.log);
