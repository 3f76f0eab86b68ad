import { KeyboardInterrupt } from './errors.js';

type MonitoredProcess = {
  on(event: 'uncaughtExceptionMonitor', listener: (error: unknown) => void): unknown;
  listenerCount(event: 'uncaughtException'): number;
  exit(code: number): never;
  stderr?: { write(text: string): unknown };
};

let installed = false;

/**
 * Python exits with status 130 (128 + SIGINT) when a KeyboardInterrupt is never caught.
 * Called when `run()`/`runAsync()` throw one: from then on, if such an error reaches the top
 * of the program uncaught (or as an unhandled rejection) and the program has no
 * `uncaughtException` listener of its own, its stack is printed and the process exits 130.
 * Any other uncaught error keeps Node's own handling. Nothing happens outside Node.
 */
export function exitWith130OnUncaughtInterrupt(): void {
  if (installed) return;
  const proc = (globalThis as { process?: Partial<MonitoredProcess> }).process;
  if (
    proc === undefined ||
    typeof proc.on !== 'function' ||
    typeof proc.listenerCount !== 'function' ||
    typeof proc.exit !== 'function'
  ) {
    return;
  }
  installed = true;
  const node = proc as MonitoredProcess;
  node.on('uncaughtExceptionMonitor', (error) => {
    if (!(error instanceof KeyboardInterrupt)) return;
    if (node.listenerCount('uncaughtException') > 0) return;
    node.stderr?.write(`${error.stack ?? String(error)}\n`);
    node.exit(130);
  });
}
