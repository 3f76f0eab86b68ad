import { CancelledError } from '@asyncio-ts/core-loop';

/**
 * Ctrl-C for the demo, as asyncio.Runner handles it: the first SIGINT cancels the running
 * chapter's main task (its tasks end with CancelledError), a second one exits at once.
 */
export class Interrupt {
  /** True once Ctrl-C was pressed. */
  requested = false;
  private cancel: (() => void) | null = null;
  private readonly onSignal = (): void => {
    if (this.requested) process.exit(130);
    this.requested = true;
    this.cancel?.();
  };

  /** Starts listening for SIGINT. */
  install(): void {
    process.on('SIGINT', this.onSignal);
  }

  /** Stops listening: Ctrl-C kills the process again. */
  uninstall(): void {
    process.off('SIGINT', this.onSignal);
  }

  /** What Ctrl-C does while a loop runs (cancel its main task); null when none runs. */
  onInterrupt(cancel: (() => void) | null): void {
    this.cancel = cancel;
  }

  /**
   * Gives the host one turn, so that a Ctrl-C pressed during blocking code is seen, and
   * throws CancelledError if there was one.
   */
  async checkpoint(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.requested) throw new CancelledError('interrupted by Ctrl-C');
  }
}
