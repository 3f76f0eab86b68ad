import type { EventLoop } from '@asyncio-ts/core-loop';
import { addCloseCallback } from '@asyncio-ts/core-loop/internal';

/** Something open outside the loop: a socket, a server, a child process. */
export interface Resource {
  /** How it reads in the warning, e.g. `<StreamWriter …>`. */
  describe(): string;
  /** Closes it at once (kills a child process). */
  abort(): void;
}

const openByLoop = new WeakMap<EventLoop, Set<Resource>>();

/** asyncio's ResourceWarning, as Node reports warnings (`process.emitWarning`). */
export function resourceWarning(message: string): void {
  const proc = (globalThis as { process?: { emitWarning?: (m: string, t: string) => void } })
    .process;
  if (typeof proc?.emitWarning === 'function') proc.emitWarning(message, 'ResourceWarning');
  else console.warn(`ResourceWarning: ${message}`);
}

function closeLeftovers(open: Set<Resource>): void {
  for (const resource of [...open]) {
    open.delete(resource);
    resourceWarning(`unclosed ${resource.describe()} when its event loop closed`);
    resource.abort();
  }
}

/**
 * Counts `resource` as open on `loop` until the returned function is called. When the loop
 * closes (as `run()` ends) whatever is still open is reported with a ResourceWarning and
 * closed, so a run never leaves sockets, servers or children behind.
 */
export function trackResource(loop: EventLoop, resource: Resource): () => void {
  let open = openByLoop.get(loop);
  if (open === undefined) {
    const created = new Set<Resource>();
    open = created;
    openByLoop.set(loop, created);
    addCloseCallback(loop, () => closeLeftovers(created));
  }
  open.add(resource);
  const set = open;
  return () => {
    set.delete(resource);
  };
}
