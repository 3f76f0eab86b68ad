import { setDefaultExecutorFactory } from '@asyncio-ts/core-loop/internal';
import { ThreadPoolExecutor } from './thread-pool-executor.js';

/** Makes each loop's default executor, as asyncio's `ThreadPoolExecutor(thread_name_prefix='asyncio')`. */
export function registerDefaultExecutor(): void {
  setDefaultExecutorFactory(() => new ThreadPoolExecutor({ threadNamePrefix: 'asyncio' }));
}
