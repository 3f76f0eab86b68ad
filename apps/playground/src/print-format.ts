/** One value as Python's print() shows it: strings as they are, the rest readable. */
function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return formatError(value);
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The line `print(...values)` prints: the values joined by spaces. */
export function formatPrint(values: readonly unknown[]): string {
  return values.map(show).join(' ');
}

/** An error as the last line of a Python traceback: `Name: message`. */
export function formatError(error: unknown): string {
  if (error instanceof Error)
    return error.message === '' ? error.name : `${error.name}: ${error.message}`;
  return `Error: ${String(error)}`;
}
