/**
 * Python's `<` for the values a PriorityQueue holds: numbers (and booleans and bigints, which
 * Python counts as ints), strings, and arrays compared element by element like tuples. Anything
 * else throws Python's TypeError: `'<' not supported between instances of 'dict' and 'dict'`.
 */
export function pythonLess(a: unknown, b: unknown): boolean {
  const ta = kind(a);
  const tb = kind(b);
  if (ta === 'number' && tb === 'number') return (a as number) < (b as number);
  if (ta === 'string' && tb === 'string') return (a as string) < (b as string);
  if (ta === 'array' && tb === 'array') return tupleLess(a as unknown[], b as unknown[]);
  throw new TypeError(
    `'<' not supported between instances of '${pythonTypeName(a)}' and '${pythonTypeName(b)}'`,
  );
}

/** Tuples: the first pair of elements that differ decides; a shorter prefix is smaller. */
function tupleLess(a: unknown[], b: unknown[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!pythonEqual(x, y)) return pythonLess(x, y);
  }
  return a.length < b.length;
}

/** Python's `==` as tuple comparison uses it: values for numbers, strings and arrays, else identity. */
function pythonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = kind(a);
  if (ta !== kind(b)) return false;
  // biome-ignore lint/suspicious/noDoubleEquals: Python counts 1, 1n and true as equal ints.
  if (ta === 'number') return (a as number) == (b as number);
  if (ta === 'array') {
    const x = a as unknown[];
    const y = b as unknown[];
    return x.length === y.length && x.every((v, i) => pythonEqual(v, y[i]));
  }
  return false;
}

function kind(value: unknown): 'number' | 'string' | 'array' | 'other' {
  switch (typeof value) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return 'number';
    case 'string':
      return 'string';
    default:
      return Array.isArray(value) ? 'array' : 'other';
  }
}

/** The name Python would give the value's type in the TypeError. */
function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'tuple';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'str';
    case 'function':
      return 'function';
    case 'symbol':
      return 'symbol';
    default: {
      const name = (value as object).constructor?.name;
      return name === undefined || name === 'Object' ? 'dict' : name;
    }
  }
}
