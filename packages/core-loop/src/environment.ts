/** The parts of Deno's global this module reads. */
interface DenoLike {
  permissions?: { querySync?(descriptor: { name: 'env'; variable: string }): { state: string } };
  env?: { get(name: string): string | undefined };
}

/**
 * Reads an environment variable where the runtime allows it, and never asks: in Deno,
 * without `--allow-env` the variable counts as unset (no permission prompt, no
 * `NotCapable`); in Node and Bun it is `process.env[name]`; in a browser, unset.
 */
export function readEnvironment(name: string): string | undefined {
  try {
    const deno = (globalThis as { Deno?: DenoLike }).Deno;
    if (deno !== undefined) {
      const state = deno.permissions?.querySync?.({ name: 'env', variable: name }).state;
      return state === 'granted' ? deno.env?.get(name) : undefined;
    }
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
      ?.env;
    return env?.[name];
  } catch {
    // A runtime that refuses the read: the variable is unset for us.
    return undefined;
  }
}
