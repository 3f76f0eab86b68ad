/**
 * The one formatter for values in messages and in the reprs of loop objects, close to
 * Python's `repr()` (and `reprlib`'s shortening): strings quoted, errors as `Name('msg')`,
 * functions by name (never their source), long strings, arrays and objects cut short.
 */

// Longest string shown whole; longer ones keep their start and end around `...`.
const MAX_STRING = 60;
// Elements of an array (entries of a plain object) shown before `...`.
const MAX_ITEMS = 6;
// Containers nested deeper than this show as `[...]` / `{...}`.
const MAX_DEPTH = 3;
// Reprs of loop objects nested deeper than this (a wait_for chain) show as `...`.
const MAX_NESTED_REPRS = 8;

/** Python-flavoured `repr()` of a value, shortened, for messages and `toString()` of loop objects. */
export function repr(value: unknown): string {
  return reprAt(value, 0);
}

function reprAt(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return reprFunction(value);
    default:
      break;
  }
  if (value === null) return 'null';
  if (value instanceof Error) return reprError(value);
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return '[...]';
    const shown = value.slice(0, MAX_ITEMS).map((item) => reprAt(item, depth + 1));
    if (value.length > MAX_ITEMS) shown.push('...');
    return `[${shown.join(', ')}]`;
  }
  const object = value as object;
  const proto = Object.getPrototypeOf(object);
  if (proto === Object.prototype || proto === null) {
    if (depth >= MAX_DEPTH) return '{...}';
    const keys = Object.keys(object);
    const shown = keys
      .slice(0, MAX_ITEMS)
      .map((key) => `${key}: ${reprAt((value as Record<string, unknown>)[key], depth + 1)}`);
    if (keys.length > MAX_ITEMS) shown.push('...');
    return `{${shown.join(', ')}}`;
  }
  const own = (value as { toString?: unknown }).toString;
  if (typeof own === 'function' && own !== Object.prototype.toString && !isBuiltin(object)) {
    try {
      return String(own.call(value));
    } catch {
      // a throwing toString: fall through to the generic form
    }
  }
  // Generator objects have no constructor name: show them as Python shows generators.
  if (Object.prototype.toString.call(value) === '[object Generator]') return '<generator object>';
  const name = object.constructor?.name;
  return name ? `<${name} object>` : '<object>';
}

/** Built-ins whose own toString says little or too much: shown as `<Map object>` etc. */
function isBuiltin(value: object): boolean {
  return (
    value instanceof Map ||
    value instanceof Set ||
    value instanceof Promise ||
    value instanceof RegExp ||
    ArrayBuffer.isView(value)
  );
}

function quote(text: string): string {
  const shown =
    text.length > MAX_STRING
      ? `${text.slice(0, MAX_STRING / 2 - 2)}...${text.slice(text.length - MAX_STRING / 2 + 1)}`
      : text;
  return `'${shown.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function reprFunction(fn: { name: string }): string {
  const name = fn.name || 'anonymous';
  if (/^class[\s{]/.test(Function.prototype.toString.call(fn))) return `<class ${name}>`;
  const tag = (fn as { [Symbol.toStringTag]?: string })[Symbol.toStringTag];
  return tag === 'GeneratorFunction' ? `<function* ${name}>` : `<function ${name}>`;
}

/** `Name('message')`, or `Name()` for an error without a message, as Python shows exceptions. */
function reprError(error: Error): string {
  const message = error.message;
  return message === '' ? `${error.name}()` : `${error.name}(${quote(message)})`;
}

/** A callback's name and arguments as asyncio shows them in handles: `name(arg, ...)`. */
export function formatCallback(callback: unknown, args: readonly unknown[]): string {
  const name = typeof callback === 'function' ? callback.name || 'anonymous' : repr(callback);
  return `${name}(${args.map(repr).join(', ')})`;
}

const inProgress = new Set<object>();

/**
 * Runs `render` for `owner`'s repr, bounded like Python's `reprlib.recursive_repr`: an
 * object already being rendered (an await cycle: A waits on B, B on A), or one nested too
 * deep, shows as `...`.
 */
export function boundedRepr(owner: object, render: () => string): string {
  if (inProgress.has(owner) || inProgress.size >= MAX_NESTED_REPRS) return '...';
  inProgress.add(owner);
  try {
    return render();
  } finally {
    inProgress.delete(owner);
  }
}
