import type { Coroutine } from '@asyncio-ts/core-loop';
import { transform } from 'sucrase';

/** What a cell's code sees: `require` (its imports become calls to it) and `print`. */
export interface CellScope {
  /** Returns a module by name, e.g. `@asyncio-ts/core-loop`. */
  require(name: string): unknown;
  /** The notebook's `print()`: one line. */
  print(...values: unknown[]): void;
}

/** A compiled cell: call it to get the coroutine that runs the cell's code. */
export type CompiledCell = (scope: CellScope) => Coroutine<unknown>;

type GeneratorFunctionConstructor = new (
  ...parameters: string[]
) => (...args: unknown[]) => Coroutine<unknown>;

// `function*` functions are made by this constructor, as plain ones are by `Function`.
const GeneratorFunction = Object.getPrototypeOf(function* () {})
  .constructor as GeneratorFunctionConstructor;

/**
 * Compiles a cell written in TypeScript or JavaScript: sucrase strips the types and turns
 * `import` declarations into `require()` calls, and the code becomes the body of a generator
 * function, so `yield*` works at the cell's top level (as `await` does in a Jupyter cell).
 * Throws a SyntaxError that names the line and column.
 */
export function compileCell(source: string): CompiledCell {
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript', 'imports'], production: true }).code;
  } catch (error) {
    throw new SyntaxError(error instanceof Error ? error.message : String(error));
  }
  const body = new GeneratorFunction('require', 'print', 'exports', 'module', code);
  return (scope) => {
    const module = { exports: {} };
    return body(scope.require, scope.print, module.exports, module);
  };
}
