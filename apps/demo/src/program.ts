import { CancelledError } from '@asyncio-ts/core-loop';
import pc from 'picocolors';
import { parseArguments, USAGE, UsageError } from './arguments.js';
import { CHAPTERS } from './chapters/index.js';
import { Interrupt } from './interrupt.js';
import { JsonReporter, type Output, type Reporter, TextReporter } from './reporter.js';
import { runChapter } from './run-chapter.js';

/** Exit statuses: as a shell reports them. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/** The streams the demo writes to. */
export interface Streams {
  readonly stdout: Output;
  readonly stderr: Output;
}

/**
 * The asyncio-ts-demo command: parses `argv` (without node and the script), replays the
 * chosen chapters, and returns the exit status.
 */
export async function main(argv: readonly string[], streams: Streams): Promise<number> {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    streams.stderr.write(`asyncio-ts-demo: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    streams.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const colors = pc.createColors(!args.json && pc.isColorSupported);
  const reporter: Reporter = args.json
    ? new JsonReporter(streams.stdout)
    : new TextReporter(streams.stdout, streams.stderr, colors, args.clock);
  const interrupt = new Interrupt();
  interrupt.install();
  try {
    for (const [index, name] of args.chapters.entries()) {
      if (index > 0 && !args.json) streams.stdout.write('\n');
      await runChapter(CHAPTERS[name], { mode: args.clock, reporter, interrupt });
    }
  } catch (error) {
    if (error instanceof CancelledError && interrupt.requested) return EXIT_INTERRUPTED;
    throw error;
  } finally {
    interrupt.uninstall();
  }
  return EXIT_OK;
}
