/** A value as Python's repr would show it, roughly: strings quoted, the rest as String(). */
export function repr(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'symbol' || typeof value === 'function') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'object') {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}
