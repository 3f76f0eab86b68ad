import { CancelledError, type Coroutine } from '@asyncio-ts/core-loop';
import {
  type Acquirable,
  acquired,
  BoundedSemaphore,
  Condition,
  holding,
  Lock,
  Semaphore,
} from '@asyncio-ts/locks';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual, sleep, spawn, ticks } from './support.js';

type Primitive = Acquirable & { locked(): boolean };
const primitives: [string, () => Primitive][] = [
  ['Lock', () => new Lock()],
  ['Condition', () => new Condition()],
  ['Semaphore', () => new Semaphore()],
  ['BoundedSemaphore', () => new BoundedSemaphore()],
];

describe.each(primitives)('holding(%s, body) — async with', (_name, make) => {
  it('holds the primitive for the body and evaluates to its result', () => {
    runVirtual(function* () {
      const p = make();
      yield* sleep(0.01);
      expect(p.locked()).toBe(false);
      const result = yield* holding(p, function* () {
        expect(p.locked()).toBe(true);
        yield* sleep(0.01);
        expect(p.locked()).toBe(true);
        return 'body result';
      });
      expect(result).toBe('body result');
      expect(p.locked()).toBe(false);
    });
  });

  it('releases when the body throws', () => {
    runVirtual(function* () {
      const p = make();
      const error = yield* caught(
        holding(p, function* () {
          yield* sleep(0.01);
          throw new TypeError('from the body');
        }),
      );
      expect((error as Error).message).toBe('from the body');
      expect(p.locked()).toBe(false);
    });
  });

  it('releases when the task is cancelled in the body, and does not run the body when cancelled while waiting', () => {
    runVirtual(function* () {
      const p = make();
      let ran = 0;
      const body = function* (): Coroutine<void> {
        ran++;
        yield* sleep(10);
      };
      const first = spawn(holding(p, body));
      yield* ticks();
      const second = spawn(holding(p, body));
      yield* ticks();
      second.cancel();
      expect(yield* caught(second)).toBeInstanceOf(CancelledError);
      expect(p.locked()).toBe(true);
      first.cancel();
      expect(yield* caught(first)).toBeInstanceOf(CancelledError);
      expect(p.locked()).toBe(false);
      expect(ran).toBe(1);
    });
  });

  it('works with `using` and acquired()', () => {
    runVirtual(function* () {
      const p = make();
      function* critical(): Coroutine<string> {
        using _held = yield* acquired(p);
        expect(p.locked()).toBe(true);
        yield* sleep(0.01);
        return 'done';
      }
      expect(yield* critical()).toBe('done');
      expect(p.locked()).toBe(false);
      function* failing(): Coroutine<void> {
        using _held = yield* acquired(p);
        throw new RangeError('inside using');
      }
      expect(yield* caught(failing())).toBeInstanceOf(RangeError);
      expect(p.locked()).toBe(false);
    });
  });
});

describe('holding() and acquired() arguments', () => {
  it('release a held handle only once', () => {
    runVirtual(function* () {
      const lock = new Lock();
      const held = yield* acquired(lock);
      held.release();
      held.release();
      held[Symbol.dispose]();
      expect(lock.locked()).toBe(false);
    });
  });

  it('reject what cannot be acquired, and a body that is not a function, at the call', () => {
    expect(() => holding({} as Acquirable, function* () {})).toThrow(
      'holding(primitive, body): expected a Lock, Condition or Semaphore (acquire/release), got {}',
    );
    expect(() => holding(new Lock(), 'body' as unknown as () => Coroutine<void>)).toThrow(
      "holding(primitive, body): body must be a generator function, got 'body'",
    );
    expect(() => acquired(null as unknown as Acquirable)).toThrow(TypeError);
  });
});
