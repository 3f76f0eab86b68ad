/**
 * Placeholder public surface of @asyncio-ts/timers; its owner replaces this file.
 * Version of this package's source, until real exports land.
 */
export const VERSION = '0.0.0';
