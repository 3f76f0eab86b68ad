/**
 * Placeholder public surface of @asyncio-ts/gather; its owner replaces this file.
 * Version of this package's source, until real exports land.
 */
export const VERSION = '0.0.0';
