/** Python-like description of a wrong argument, for TypeError messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  if (typeof value === 'function') return 'a function';
  return `${typeof value} ${String(value)}`;
}

/** A whole number, or a TypeError/RangeError naming `what`. */
export function checkCount(value: unknown, what: string, min: number, rule: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`${what} must be a number, got ${describe(value)}`);
  }
  if (!Number.isInteger(value) && Number.isFinite(value)) {
    throw new TypeError(`${what} must be an integer, got ${value}`);
  }
  if (value < min) throw new RangeError(rule);
  return value;
}
