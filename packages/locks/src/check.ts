import { repr } from '@asyncio-ts/core-loop/internal';

/** A wrong argument in a TypeError message: core-loop's one `repr`, as every package shows it. */
export const describe: (value: unknown) => string = repr;

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
