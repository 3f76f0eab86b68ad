import { registerDefaultExecutor } from './default-executor.js';

export type { ErrorDescription } from './errors.js';
export { WorkerDiedError } from './errors.js';
export { ThreadPoolExecutor, type ThreadPoolExecutorOptions } from './thread-pool-executor.js';
export { toThread } from './to-thread.js';
export { TRANSFER, type Transfer, transfer } from './transfer.js';

// Importing the package gives every loop a default executor (loop.runInExecutor(null, ...)).
registerDefaultExecutor();
