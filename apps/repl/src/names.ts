import * as coreLoop from '@asyncio-ts/core-loop';
import * as gather from '@asyncio-ts/gather';
import * as nestPatch from '@asyncio-ts/nest-patch';
import * as syncBaseline from '@asyncio-ts/sync-baseline';
import * as timers from '@asyncio-ts/timers';

/**
 * Everything the prompt knows without an import, as `python -m asyncio` imports asyncio:
 * every export of the asyncio-ts packages by its own name, and all of them as `asyncio`.
 */
export function replNames(): Record<string, unknown> {
  const asyncio = Object.freeze({
    ...coreLoop,
    ...timers,
    ...gather,
    ...nestPatch,
    ...syncBaseline,
  });
  return { ...asyncio, asyncio };
}
