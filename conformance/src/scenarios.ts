/**
 * Scenarios are pairs of files, `scenarios/<area>/<name>.py` and `<name>.ts`, that print the
 * same trace. The `.out` beside them is Python's trace as recorded by `pnpm record`; it is
 * used when Python (or nest_asyncio) is missing, and must equal Python's live trace otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPrinter, type Print } from './pyfmt.js';
import { packageDir } from './python.js';

/** The folder holding every scenario. */
export const scenariosDir = join(packageDir, 'scenarios');

/** One scenario: `id` is `<area>/<name>`. */
export interface Scenario {
  id: string;
  area: string;
  python: string;
  typescript: string;
  recorded: string;
}

/** Every scenario, sorted by id (the `.py` files define the list). */
export function listScenarios(): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const area of readdirSync(scenariosDir).sort()) {
    for (const file of readdirSync(join(scenariosDir, area)).sort()) {
      if (!file.endsWith('.py')) continue;
      const base = join(scenariosDir, area, file.slice(0, -3));
      scenarios.push({
        id: `${area}/${file.slice(0, -3)}`,
        area,
        python: `${base}.py`,
        typescript: `${base}.ts`,
        recorded: `${base}.out`,
      });
    }
  }
  return scenarios;
}

/** The recorded Python trace, or null when none was recorded. */
export function readRecorded(scenario: Scenario): string | null {
  return existsSync(scenario.recorded) ? readFileSync(scenario.recorded, 'utf8') : null;
}

/** A scenario's TypeScript program: runs to the end, printing through `print`. */
export type ScenarioProgram = (print: Print) => void;

/**
 * Runs the TypeScript side and returns its trace. An exception that escapes the program is
 * part of the trace (as Python's would be a traceback), so that the comparison shows it.
 */
export async function runTypeScript(scenario: Scenario): Promise<string[]> {
  const module = (await import(pathToFileURL(scenario.typescript).href)) as {
    default?: ScenarioProgram;
  };
  if (typeof module.default !== 'function') {
    throw new TypeError(`${scenario.typescript} must export a default function (print) => void`);
  }
  const { print, lines } = createPrinter();
  try {
    module.default(print);
  } catch (error) {
    lines.push(
      `!! uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
  return lines;
}
