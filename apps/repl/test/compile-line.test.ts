import { describe, expect, it } from 'vitest';
import { compileLine } from '../src/compile-line.js';

/** Runs a compiled line to its end (no loop needed: these lines never wait). */
function runLine(code: string): unknown {
  const coroutine = compileLine(code)();
  let step = coroutine.next();
  while (!step.done) step = coroutine.next();
  return step.value;
}

const scope = globalThis as Record<string, unknown>;

describe('compileLine', () => {
  it('runs plain code as a script and gives its completion value', () => {
    expect(runLine('1 + 1')).toBe(2);
    expect(runLine('var plainVar = 3; plainVar * 2')).toBe(6);
    expect(scope.plainVar).toBe(3);
  });

  it('gives the value of an expression that uses yield*', () => {
    expect(runLine('yield* (function* () { return 7; })()')).toBe(7);
    expect(runLine('yield* (function* () { return 8; })();')).toBe(8);
  });

  it('keeps the declarations of a yield* line as globals', () => {
    runLine(
      'const keptA = yield* (function* () { return 1; })(); let keptB = 2\nfunction keptF() { return keptA + keptB; }',
    );
    expect(scope.keptA).toBe(1);
    expect(scope.keptB).toBe(2);
    expect((scope.keptF as () => number)()).toBe(3);
  });

  it('lets for-loop declarations be', () => {
    expect(
      runLine(
        'let total = 0; for (let i = 0; i < 3; i++) { total += yield* (function* () { return i; })(); } total',
      ),
    ).toBe(undefined);
    expect(scope.total).toBe(3);
  });

  it('throws the SyntaxError of invalid code', () => {
    expect(() => compileLine('function (')).toThrow(SyntaxError);
    expect(() => compileLine('function* f() {')).toThrow(/Unexpected end of input/);
  });
});
