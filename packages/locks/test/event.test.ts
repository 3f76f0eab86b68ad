import { CancelledError } from '@asyncio-ts/core-loop';
import { Event } from '@asyncio-ts/locks';
import { describe, expect, it } from 'vitest';
import { caught, runVirtual, sleep, spawn, ticks } from './support.js';

describe('Event', () => {
  it('shows its state in toString()', () => {
    runVirtual(function* () {
      const ev = new Event();
      expect(String(ev)).toBe('<Event [unset]>');
      spawn(ev.wait());
      yield* ticks();
      expect(String(ev)).toBe('<Event [unset, waiters:1]>');
      ev.set();
      expect(String(ev)).toBe('<Event [set, waiters:1]>');
      yield* ticks();
      expect(String(ev)).toBe('<Event [set]>');
    });
  });

  it('wakes every waiter on set(), in the order they waited', () => {
    const seen = runVirtual(function* () {
      const ev = new Event();
      const seen: string[] = [];
      const waiter = function* (name: string) {
        seen.push(`${name} ${String(yield* ev.wait())}`);
      };
      const tasks = ['a', 'b', 'c'].map((n) => spawn(waiter(n)));
      yield* sleep(1);
      expect(seen).toEqual([]);
      ev.set();
      ev.set(); // a second set() changes nothing
      for (const t of tasks) yield* t;
      return seen;
    });
    expect(seen).toEqual(['a true', 'b true', 'c true']);
  });

  it('returns at once while set, and blocks again after clear()', () => {
    runVirtual(function* () {
      const ev = new Event();
      ev.set();
      expect(ev.isSet()).toBe(true);
      expect(yield* ev.wait()).toBe(true);
      ev.clear();
      expect(ev.isSet()).toBe(false);
      const task = spawn(ev.wait());
      yield* ticks(3);
      expect(task.done()).toBe(false);
      ev.set();
      expect(yield* task).toBe(true);
    });
  });

  it('still wakes a waiter whose set() was followed by clear() before it ran', () => {
    runVirtual(function* () {
      const ev = new Event();
      const task = spawn(ev.wait());
      yield* ticks();
      ev.set();
      ev.clear();
      expect(yield* task).toBe(true);
      expect(ev.isSet()).toBe(false);
    });
  });

  it('forgets a cancelled waiter', () => {
    runVirtual(function* () {
      const ev = new Event();
      const task = spawn(ev.wait());
      yield* ticks();
      task.cancel();
      expect(yield* caught(task)).toBeInstanceOf(CancelledError);
      expect(String(ev)).toBe('<Event [unset]>');
    });
  });
});
