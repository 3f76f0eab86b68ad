/**
 * Placeholder public surface of @asyncio-ts/nest-patch; its owner replaces this file.
 * Version of this package's source, until real exports land.
 */
export const VERSION = '0.0.0';
