import { type Coroutine, run } from '@asyncio-ts/core-loop';
import type { OSError } from '@asyncio-ts/streams';
import {
  createSubprocessExec,
  createSubprocessShell,
  DEVNULL,
  PIPE,
  STDOUT,
} from '@asyncio-ts/subprocess';
import { type Print, tuple } from '../../src/pyfmt.js';

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array | null) => new TextDecoder().decode(b ?? new Uint8Array());
const split = (s: string) => s.split(/\s+/).filter((w) => w !== '');

export function* main(print: Print): Coroutine<void> {
  const proc = yield* createSubprocessExec('sh', ['-c', 'tr a-z A-Z; echo to-stderr >&2; exit 3'], {
    stdin: PIPE,
    stdout: PIPE,
    stderr: PIPE,
  });
  let [out, err] = yield* proc.communicate(encode('hello pipes\n'));
  print('communicate:', decode(out).trim(), decode(err).trim(), proc.returncode);

  const merged = yield* createSubprocessShell('echo out; echo err >&2', {
    stdout: PIPE,
    stderr: STDOUT,
  });
  [out, err] = yield* merged.communicate();
  print('merged:', split(decode(out)), err);

  const quiet = yield* createSubprocessShell('echo lost', { stdout: DEVNULL });
  print('devnull:', tuple(...(yield* quiet.communicate())), yield* quiet.wait());

  const where = yield* createSubprocessShell('pwd; echo $GREETING', {
    stdout: PIPE,
    cwd: '/tmp',
    env: { GREETING: 'hi', PATH: '/usr/bin:/bin' },
  });
  [out] = yield* where.communicate();
  print('cwd and env:', split(decode(out)));

  const big = yield* createSubprocessExec('sh', ['-c', 'cat; head -c 1048576 /dev/zero >&2'], {
    stdin: PIPE,
    stdout: PIPE,
    stderr: PIPE,
  });
  [out, err] = yield* big.communicate(new Uint8Array(2 * 1024 * 1024).fill(120));
  print('large:', out?.length, err?.length, big.returncode);

  const sleeper = yield* createSubprocessExec('sleep', ['10']);
  print('running:', sleeper.returncode);
  sleeper.kill();
  print('killed:', yield* sleeper.wait(), sleeper.returncode);
  const term = yield* createSubprocessExec('sleep', ['10']);
  term.terminate();
  print('terminated:', yield* term.wait());
  const interrupted = yield* createSubprocessExec('sleep', ['10']);
  interrupted.sendSignal(2);
  print('SIGINT:', yield* interrupted.wait());

  const lines = yield* createSubprocessShell('echo one; echo two', { stdout: PIPE });
  const stdout = lines.stdout as NonNullable<typeof lines.stdout>;
  for (;;) {
    const line = yield* stdout.readline();
    if (line.length === 0) break;
    print('line:', decode(line).trim());
  }
  print('at eof:', stdout.atEof(), yield* lines.wait());

  try {
    yield* createSubprocessExec('/nonexistent/program');
  } catch (e) {
    print('missing program:', (e as OSError).name, (e as OSError).code === 'ENOENT');
  }
}

export default function (print: Print): void {
  run(() => main(print));
}
