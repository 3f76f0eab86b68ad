import { ExceptionGroup } from '@asyncio-ts/gather';
import { describe, expect, it } from 'vitest';

describe('ExceptionGroup', () => {
  it("is an AggregateError whose message reads like Python's str()", () => {
    const a = new Error('a');
    const b = new TypeError('b');
    const group = new ExceptionGroup('unhandled errors in a TaskGroup', [a, b]);
    expect(group).toBeInstanceOf(AggregateError);
    expect(group).toBeInstanceOf(Error);
    expect(group.name).toBe('ExceptionGroup');
    expect(group.message).toBe('unhandled errors in a TaskGroup (2 sub-exceptions)');
    expect(group.groupMessage).toBe('unhandled errors in a TaskGroup');
    expect(group.errors).toEqual([a, b]);
    expect(group.exceptions).toBe(group.errors);
    expect(String(group)).toBe(
      'ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)',
    );
  });

  it('says "t=1 sub-exception" for one', () => {
    expect(new ExceptionGroup('m', [new Error('x')]).message).toBe('m (1 sub-exception)');
  });

  it('refuses an empty list and a message that is not a string', () => {
    expect(() => new ExceptionGroup('m', [])).toThrow(
      new RangeError('second argument (exceptions) must be a non-empty sequence'),
    );
    expect(() => new ExceptionGroup(1 as unknown as string, [new Error('x')])).toThrow(TypeError);
  });
});
