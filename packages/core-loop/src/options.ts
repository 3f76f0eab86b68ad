/**
 * Reads one option as an own property of `options`, never through the prototype chain: a
 * stray `Object.prototype.limit = 1` somewhere in the program must not change a call.
 */
export function ownOption<O extends object, K extends keyof O>(
  options: O | null | undefined,
  name: K,
): O[K] | undefined {
  if (options === undefined || options === null) return undefined;
  return Object.hasOwn(options, name) ? options[name] : undefined;
}
