/**
 * Scenarios that run in both modes: the program takes the runner (`run` or `runAsync`) and
 * exports `default` (blocking) and `host` (host mode); `test/host-mode-scenarios.test.ts`
 * requires the host-mode trace to equal Python's too.
 */
import { type Coroutine, type RunOptions, run, runAsync } from '@asyncio-ts/core-loop';
import type { Print } from './pyfmt.js';

/** `run` or `runAsync`, as a scenario calls it. */
export type ScenarioRunner = (main: () => Coroutine<unknown>, options?: RunOptions) => unknown;

/** A program written once for both modes. */
export type TwoModeProgram = (print: Print, runner: ScenarioRunner) => unknown;

/** The blocking and the host-mode entry points of `program`. */
export function inBothModes(program: TwoModeProgram): {
  blocking: (print: Print) => unknown;
  host: (print: Print) => Promise<unknown>;
} {
  return {
    blocking: (print) => program(print, run as ScenarioRunner),
    host: async (print) => program(print, runAsync as ScenarioRunner),
  };
}

/** Calls `after` once the run is over: at once after `run()`, when the promise settles after `runAsync()`. */
export function afterRun(result: unknown, after: () => void): unknown {
  if (result instanceof Promise) return result.then(after);
  after();
  return undefined;
}
