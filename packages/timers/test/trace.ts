export * from '@asyncio-ts/test-support/full';
