import { Script } from 'node:vm';
import type { Coroutine } from '@asyncio-ts/core-loop';

/** A compiled line: call it (inside a task) for the coroutine that runs it. */
export type CompiledLine = () => Coroutine<unknown>;

const FILENAME = 'REPL';

/** True when `code` uses `yield` at its top level (a reserved word in strict code). */
function usesTopLevelYield(code: string): boolean {
  try {
    new Script(`'use strict';${code}`, { filename: FILENAME });
    return false;
  } catch (error) {
    return (
      error instanceof SyntaxError && /reserved word/.test(error.message) && /\byield\b/.test(code)
    );
  }
}

const DECLARATION = /(^|;)(\s*)(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/gm;
const FUNCTION = /^\s*function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/gm;

/**
 * Statements that use `yield` become the body of a generator function. Their top-level
 * declarations would then be local to it, so `const x = ...` becomes an assignment to the
 * global `x` and declared functions are copied to globals, as the REPL's own lines keep them.
 */
function generatorBody(code: string): string {
  const functions = [...code.matchAll(FUNCTION)].map((match) => match[1]);
  const exported = functions.map((name) => `globalThis.${name} = ${name};`).join(' ');
  return `${exported}\n${code.replace(DECLARATION, '$1$2globalThis.$3 =')}`;
}

function compile(source: string): unknown {
  return new Script(source, { filename: FILENAME }).runInThisContext();
}

/**
 * Compiles one REPL input for the global scope. Plain code runs as a script (its
 * declarations stay, as in node's REPL); code with a top-level `yield*` runs as a generator
 * whose value is the expression's (so `yield* sleep(1, 'x')` shows 'x'). Throws the
 * SyntaxError of incomplete or invalid code.
 */
export function compileLine(code: string): CompiledLine {
  if (!usesTopLevelYield(code)) {
    const script = new Script(code, { filename: FILENAME });
    return function* line() {
      return script.runInThisContext();
    };
  }
  let generator: unknown;
  try {
    const expression = code.replace(/;\s*$/, '');
    generator = compile(`(function* () { return (\n${expression}\n); })`);
  } catch {
    generator = compile(`(function* () {\n${generatorBody(code)}\n})`);
  }
  return generator as CompiledLine;
}
