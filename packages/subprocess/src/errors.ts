import { OSError } from '@asyncio-ts/streams';

/** Python's ProcessLookupError (`ESRCH`): signalling a process that has already exited. */
export class ProcessLookupError extends OSError {
  override name = 'ProcessLookupError';
}
