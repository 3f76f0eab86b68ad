export type { SocketAddress } from './address.js';
export { type OpenConnectionOptions, openConnection, openUnixConnection } from './connect.js';
export {
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileNotFoundError,
  IncompleteReadError,
  LimitOverrunError,
  OSError,
  PermissionError,
} from './errors.js';
export {
  Server,
  ServerSocket,
  type StartServerOptions,
  startServer,
  startUnixServer,
} from './server.js';
export type { ClientConnected } from './stream-protocol.js';
export { StreamReader, type StreamReaderOptions } from './stream-reader.js';
export { StreamWriter } from './stream-writer.js';
