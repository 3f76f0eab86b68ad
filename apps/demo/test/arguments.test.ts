import { describe, expect, it } from 'vitest';
import { CHAPTER_NAMES, parseArguments, USAGE, UsageError } from '../src/arguments.js';

describe('parseArguments', () => {
  it('runs every chapter in the notebook order on the real clock by default', () => {
    expect(parseArguments([])).toEqual({
      help: false,
      chapters: ['nested', 'sync', 'example-1', 'example-2', 'concepts'],
      clock: { kind: 'real' },
      json: false,
    });
  });

  it("accepts pnpm's `--` separator: `pnpm demo -- example-2 --virtual`", () => {
    expect(parseArguments(['--', 'example-2', '--virtual'])).toEqual({
      help: false,
      chapters: ['example-2'],
      clock: { kind: 'virtual' },
      json: false,
    });
  });

  it('takes chapters and options in any order', () => {
    expect(parseArguments(['example-2', '--virtual', '--json', 'sync'])).toEqual({
      help: false,
      chapters: ['example-2', 'sync'],
      clock: { kind: 'virtual' },
      json: true,
    });
    expect(parseArguments(['--speed', '10', 'example-1']).clock).toEqual({
      kind: 'speed',
      rate: 10,
    });
    expect(parseArguments(['--speed=0.5']).clock).toEqual({ kind: 'speed', rate: 0.5 });
  });

  it('asks for help with --help or -h, whatever else is given', () => {
    expect(parseArguments(['--help']).help).toBe(true);
    expect(parseArguments(['-h', 'sync']).help).toBe(true);
  });

  it('refuses unknown chapters, naming the known ones', () => {
    expect(() => parseArguments(['example-3'])).toThrow(
      new UsageError(`unknown chapter \`example-3\` (chapters: ${CHAPTER_NAMES.join(', ')})`),
    );
  });

  it('refuses unknown options and options without their value', () => {
    expect(() => parseArguments(['--fast'])).toThrow(new UsageError('Unknown option `--fast`'));
    expect(() => parseArguments(['-x'])).toThrow(new UsageError('Unknown option `-x`'));
    expect(() => parseArguments(['--speed'])).toThrow(
      new UsageError('option `--speed <n>` value is missing'),
    );
  });

  it('refuses a speed that is not a positive number, and --speed with --virtual', () => {
    for (const bad of ['0', '-2', 'fast', 'Infinity']) {
      expect(() => parseArguments([`--speed=${bad}`])).toThrow(UsageError);
    }
    expect(() => parseArguments(['--speed', 'fast'])).toThrow(
      new UsageError('--speed expects a number greater than 0, received fast'),
    );
    expect(() => parseArguments(['--virtual', '--speed', '2'])).toThrow(
      new UsageError('--virtual and --speed cannot be used together'),
    );
  });
});

describe('USAGE', () => {
  it('lists every chapter and every option', () => {
    for (const name of CHAPTER_NAMES) expect(USAGE).toContain(`  ${name} `);
    for (const option of ['--virtual', '--speed <n>', '--json', '--help']) {
      expect(USAGE).toContain(option);
    }
  });
});
