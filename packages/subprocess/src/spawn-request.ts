import { DEVNULL, PIPE, STDOUT, type StdioSpec } from './constants.js';

/** Options for `createSubprocessExec` and `createSubprocessShell`. */
export interface SubprocessOptions {
  /** The child's stdin: `PIPE`, `DEVNULL`, an fd, or null to inherit (default). */
  stdin?: StdioSpec;
  /** The child's stdout: `PIPE`, `DEVNULL`, an fd, or null to inherit (default). */
  stdout?: StdioSpec;
  /** The child's stderr: `PIPE`, `STDOUT`, `DEVNULL`, an fd, or null to inherit (default). */
  stderr?: StdioSpec;
  /** The working directory of the child. */
  cwd?: string;
  /** The child's environment (default: the parent's). */
  env?: Record<string, string | undefined>;
  /** The buffer limit of the stdout and stderr readers (default 64 KiB). */
  limit?: number;
}

/** A spawn, in the plain form both the host and the I/O worker take. */
export interface SpawnRequest {
  file: string;
  args: string[];
  cwd: string | undefined;
  env: Record<string, string | undefined> | undefined;
  stdio: ('pipe' | 'ignore' | 'inherit' | number)[];
  /** Which of stdin, stdout, stderr are pipes. */
  pipes: [boolean, boolean, boolean];
}

function stdioOf(spec: StdioSpec, name: string): 'pipe' | 'ignore' | 'inherit' | number {
  if (spec === null || spec === undefined) return 'inherit';
  if (spec === PIPE) return 'pipe';
  if (spec === DEVNULL) return 'ignore';
  if (Number.isInteger(spec) && spec >= 0) return spec;
  throw new TypeError(
    `${name} must be PIPE, DEVNULL, ${name === 'stderr' ? 'STDOUT, ' : ''}a file descriptor or null, got ${String(spec)}`,
  );
}

// The shell trick that merges stderr into stdout for a program: exec keeps the pid.
const MERGE_EXEC = 'exec "$0" "$@" 2>&1';

/** Checks the options and builds the spawn request for `program args` (already split). */
export function spawnRequest(
  program: string,
  args: string[],
  options: SubprocessOptions,
  shell: boolean,
): SpawnRequest {
  const stdin = stdioOf(options.stdin, 'stdin');
  const stdout = stdioOf(options.stdout, 'stdout');
  const merge = options.stderr === STDOUT;
  const stderr = merge ? 'inherit' : stdioOf(options.stderr, 'stderr');
  let file = program;
  let argv = args;
  if (shell) {
    file = '/bin/sh';
    argv = ['-c', merge ? `exec 2>&1\n${program}` : program];
  } else if (merge) {
    file = '/bin/sh';
    argv = ['-c', MERGE_EXEC, program, ...args];
  }
  return {
    file,
    args: argv,
    cwd: options.cwd,
    env: options.env,
    stdio: [stdin, stdout, stderr],
    pipes: [stdin === 'pipe', stdout === 'pipe', stderr === 'pipe'],
  };
}
