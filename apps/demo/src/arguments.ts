import { cac } from 'cac';

/** The chapters, in the notebook's order. */
export const CHAPTER_NAMES = ['nested', 'sync', 'example-1', 'example-2', 'concepts'] as const;

/** A chapter's name, as typed on the command line. */
export type ChapterName = (typeof CHAPTER_NAMES)[number];

/** Which clock the chapters run on. */
export type ClockMode =
  | { readonly kind: 'real' }
  | { readonly kind: 'virtual' }
  | { readonly kind: 'speed'; readonly rate: number };

/** What the command line asked for. */
export interface DemoArguments {
  readonly help: boolean;
  readonly chapters: readonly ChapterName[];
  readonly clock: ClockMode;
  readonly json: boolean;
}

/** A command line the demo cannot run: the CLI prints the message and the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The text `--help` prints, and bad arguments print after their error. */
export const USAGE = `Usage: asyncio-ts-demo [chapter...] [options]

Replays the asyncio notebook with asyncio-ts, chapter by chapter, and shows how long each
version takes and which task ran when.

Chapters (in the notebook's order; all of them when none is given):
  nested      run() inside a running loop fails; nest-patch's apply() fixes it
  sync        task1 and task2 with the blocking sleepSync(2): 4 s
  example-1   four tasks of 3, 2, 4 and 1 s gathered: 4 s
  example-2   two 2-second tasks gathered: 2 s
  concepts    time.sleep against asyncio.sleep, side by side with compare()

Options:
  --virtual    run on the virtual clock: instant, same lines, virtual times shown
  --speed <n>  run at n times real time (on a VirtualClock with rate n)
  --json       print one JSON event per line (chapter, task, event, t)
  -h, --help   print this help

Colours follow the terminal; NO_COLOR=1 turns them off.`;

function isChapterName(name: string): name is ChapterName {
  return (CHAPTER_NAMES as readonly string[]).includes(name);
}

function clockMode(virtual: unknown, speed: unknown): ClockMode {
  if (speed === undefined) return virtual === true ? { kind: 'virtual' } : { kind: 'real' };
  if (virtual === true) throw new UsageError('--virtual and --speed cannot be used together');
  const rate = typeof speed === 'number' ? speed : Number(speed);
  if (typeof speed === 'boolean' || Array.isArray(speed) || !Number.isFinite(rate) || rate <= 0) {
    throw new UsageError(`--speed expects a number greater than 0, received ${String(speed)}`);
  }
  return { kind: 'speed', rate };
}

/**
 * Parses the command line (without `node` and the script), with cac. Throws UsageError.
 * A leading `--` is dropped: `pnpm demo -- example-2 --virtual` passes it through.
 */
export function parseArguments(argv: readonly string[]): DemoArguments {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const cli = cac('asyncio-ts-demo');
  let chapters: string[] = [];
  cli
    .command('[...chapters]', 'run the chapters')
    .option('--virtual', 'virtual clock')
    .option('--speed <n>', 'n times real time')
    .option('--json', 'JSON events')
    .option('-h, --help', 'help')
    .action((names: string[]) => {
      chapters = names;
    });
  try {
    cli.parse(['node', 'asyncio-ts-demo', ...args], { run: false });
    cli.runMatchedCommand();
  } catch (error) {
    // cac reports unknown options and missing values as CACError.
    if (error instanceof Error && error.name === 'CACError') throw new UsageError(error.message);
    throw error;
  }
  const { options } = cli;
  if (options.help === true) {
    return { help: true, chapters: [], clock: { kind: 'real' }, json: false };
  }
  const unknown = chapters.find((name) => !isChapterName(name));
  if (unknown !== undefined) {
    throw new UsageError(`unknown chapter \`${unknown}\` (chapters: ${CHAPTER_NAMES.join(', ')})`);
  }
  return {
    help: false,
    chapters: chapters.length === 0 ? CHAPTER_NAMES : (chapters as ChapterName[]),
    clock: clockMode(options.virtual, options.speed),
    json: options.json === true,
  };
}
