/**
 * Reads one option as an own property of `options`, never through the prototype chain: a
 * stray `Object.prototype.limit = 1` somewhere in the program must not change a call.
 */
export function ownOption<O extends object, K extends keyof O>(
  options: O | null | undefined,
  name: K,
): O[K] | undefined {
  if (options === undefined || options === null) return undefined;
  const value = options[name];
  // hasOwn only for a value found: an absent option costs one lookup.
  return value === undefined || Object.hasOwn(options, name) ? value : undefined;
}
