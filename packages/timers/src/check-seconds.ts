/**
 * Argument checks shared by the timers: a TypeError that names what was expected and what
 * was received, with Python-flavoured renderings of the value.
 */

/** How a received value is shown in error messages: strings quoted, objects by class. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `<function ${value.name || 'anonymous'}>`;
    default:
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `<array of length ${value.length}>`;
  const name = (value as object).constructor?.name;
  return name === undefined || name === 'Object' ? '<object>' : `<${name} object>`;
}

/** Throws unless `value` is a number of seconds (NaN is not); `what` names the argument. */
export function checkSeconds(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`${what} must be a number of seconds, got ${describeValue(value)}`);
  }
}

/** Like `checkSeconds`, but also accepts null ("no deadline"). */
export function checkSecondsOrNull(value: unknown, what: string): asserts value is number | null {
  if (value !== null) {
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new TypeError(
        `${what} must be a number of seconds or null, got ${describeValue(value)}`,
      );
    }
  }
}
