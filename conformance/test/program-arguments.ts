/** The values a generated TypeScript program receives, in the order of `programGlobals`. */
import { CancelledError, getRunningLoop } from '@asyncio-ts/core-loop';
import { gather } from '@asyncio-ts/gather';
import { apply } from '@asyncio-ts/nest-patch';
import { sleep, VirtualClock, waitFor } from '@asyncio-ts/timers';

/** `print` and `run` vary by test (a printer, `run` or `runAsync`); the rest is fixed. */
export function programArguments(print: unknown, run: unknown): unknown[] {
  return [print, run, getRunningLoop, CancelledError, sleep, VirtualClock, gather, waitFor, apply];
}
