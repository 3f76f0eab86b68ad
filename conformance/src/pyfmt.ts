/**
 * Python's `print` for the TypeScript side of a scenario: values are formatted as Python's
 * `str()` and `repr()` would format them, so that both traces compare as text.
 * JavaScript has one number type: integers print as Python ints; wrap a number with
 * `float()` (or `round2()`) where the Python side prints a float.
 */

/** A Python float: `float(1)` prints `1.0`, where a bare `1` prints `1`. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A Python tuple: `tuple(1, 'a')` prints `(1, 'a')`. */
export class PyTuple {
  readonly items: readonly unknown[];
  constructor(items: readonly unknown[]) {
    this.items = items;
  }
}

/** Marks a number as a Python float. */
export function float(value: number): PyFloat {
  return new PyFloat(value);
}

/** Builds a Python tuple. */
export function tuple(...items: unknown[]): PyTuple {
  return new PyTuple(items);
}

function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(quote === "'" ? /'/g : /"/g, `\\${quote}`);
  return `${quote}${body}${quote}`;
}

/** Python's `repr()` of a value. Errors print as `Name('message')` or `Name()`. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return stringRepr(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : floatRepr(value);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyTuple) {
    const inner = value.items.map(pyRepr);
    return inner.length === 1 ? `(${inner[0]},)` : `(${inner.join(', ')})`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (value instanceof Error) {
    return value.message === '' ? `${value.name}()` : `${value.name}(${stringRepr(value.message)})`;
  }
  throw new TypeError(`pyRepr: no Python form for ${Object.prototype.toString.call(value)}`);
}

/** Python's `str()` of a value: strings as they are, errors as their message. */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.message;
  return pyRepr(value);
}

/** A scenario's `print`: Python's `print(*args)`. */
export type Print = (...args: unknown[]) => void;

/** A `print` that collects the lines it prints. */
export function createPrinter(): { print: Print; lines: string[] } {
  const lines: string[] = [];
  const print: Print = (...args) => {
    lines.push(...args.map(pyStr).join(' ').split('\n'));
  };
  return { print, lines };
}

/** Python's `type(e).__name__` for a thrown value. */
export function typeName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** Python's `e.args` for an exception made with one message, or none: `('msg',)` or `()`. */
export function args(error: unknown): PyTuple {
  const message = error instanceof Error ? error.message : String(error);
  return message === '' ? tuple() : tuple(message);
}

/** Python's ValueError, which JavaScript lacks. */
export class ValueError extends Error {
  override name = 'ValueError';
}

/** Python's `round(x, 2)`: a float with two decimals. */
export function round2(value: number): PyFloat {
  return new PyFloat(Math.round(value * 100) / 100);
}
