/**
 * `@asyncio-ts/streams/internal`: the transports and the I/O worker, for
 * `@asyncio-ts/subprocess`. Not for applications.
 */
export type { RawAddresses } from './address.js';
export { osErrorFrom, type SystemErrorLike, systemErrorOf } from './errors.js';
export { HostTransport } from './host-transport.js';
export { type EventHandler, IoWorker, type WorkerEvent } from './io-worker.js';
export { type Owner, ownerFor } from './ownership.js';
export { type Resource, resourceWarning, trackResource } from './resources.js';
export { StreamReaderProtocol } from './stream-protocol.js';
export { DEFAULT_LIMIT } from './stream-reader.js';
export { makeStreamWriter } from './stream-writer.js';
export type { Protocol, Transport } from './transport.js';
export { WorkerTransport } from './worker-transport.js';
