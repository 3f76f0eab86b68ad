import type { Clock } from '@asyncio-ts/core-loop';
import * as coreLoop from '@asyncio-ts/core-loop';
import * as gather from '@asyncio-ts/gather';
import * as nestPatch from '@asyncio-ts/nest-patch';
import * as syncBaseline from '@asyncio-ts/sync-baseline';
import * as timers from '@asyncio-ts/timers';

/** `import` of a module the kernel does not have; named as Python names it. */
export class ModuleNotFoundError extends Error {
  override name = 'ModuleNotFoundError';
}

/**
 * The modules a cell may import, by name. On a virtual kernel `sleepSync()` sleeps on the
 * kernel's clock (as `time.sleep` would on a virtual clock): instant, and time moves on.
 */
export function kernelModules(clock: Clock | undefined): (name: string) => unknown {
  const sleepSync: typeof syncBaseline.sleepSync = (seconds, options) =>
    syncBaseline.sleepSync(seconds, options ?? (clock === undefined ? {} : { clock }));
  const modules: Record<string, unknown> = {
    '@asyncio-ts/core-loop': coreLoop,
    '@asyncio-ts/gather': gather,
    '@asyncio-ts/nest-patch': nestPatch,
    '@asyncio-ts/sync-baseline': { ...syncBaseline, sleepSync },
    '@asyncio-ts/timers': timers,
  };
  return (name) => {
    if (Object.hasOwn(modules, name)) return modules[name];
    throw new ModuleNotFoundError(
      `No module named '${name}' (the kernel has ${Object.keys(modules).join(', ')})`,
    );
  };
}
