import { Context, ContextVar, copyContext, Token } from '@asyncio-ts/contextvars';
import type { Print } from '../../src/pyfmt.js';

// asyncio-ts throws RangeError where Python raises ValueError (documented in the README).
const pythonName = (e: unknown): string =>
  e instanceof RangeError ? 'ValueError' : e instanceof Error ? e.name : String(e);

function program(print: Print): void {
  const a = new ContextVar<number | null>('a');
  const b = new ContextVar('b', { default: 5 });
  const attempt = (label: string, fn: () => unknown): void => {
    try {
      print(label, '->', fn());
    } catch (e) {
      print(label, '->', pythonName(e));
    }
  };
  copyContext().run(() => {
    attempt('a.get()', () => a.get());
    attempt('a.get(1)', () => a.get(1));
    attempt('b.get()', () => b.get());
    const t = a.set(1);
    print('old value missing:', t.oldValue === Token.MISSING, t.var === a);
    attempt('b.reset(t)', () => b.reset(t as unknown as Token<number>));
    a.reset(t);
    attempt('a.reset(t) again', () => a.reset(t));
    const ctx = new Context();
    const t2 = ctx.run(() => a.set(2));
    attempt('reset in another context', () => a.reset(t2));
    print('ctx has', ctx.get(a), ctx.size, ctx.has(a));
    attempt('enter twice', () => ctx.run(() => ctx.run(() => null)));
    attempt('a.get(None) at the end', () => a.get(null));
  });
}

export default program;
/** No loop is involved: host mode prints the same. */
export const host = async (print: Print): Promise<void> => program(print);
