// CPython's Lib/test/test_context.py (the contextvars module), ported behaviour by behaviour.
import { describe, expect, it } from 'vitest';
import {
  Context,
  ContextVar,
  copyContext,
  LookupError,
  RuntimeError,
  Token,
} from '../src/index.js';

/** CPython's @isolated_context: the test body runs in a fresh, empty Context. */
function isolated(body: () => void): () => void {
  return () => new Context().run(body);
}

describe('ContextVar', () => {
  it('needs a string name (Python: must be a str)', () => {
    expect(() => new ContextVar(1 as unknown as string)).toThrow(TypeError);
    expect(() => new ContextVar(1 as unknown as string)).toThrow(
      'ContextVar name must be a string, got 1',
    );
    expect(() => new ContextVar(undefined as unknown as string)).toThrow(TypeError);
    expect(new ContextVar('aaa').name).toBe('aaa');
  });

  it('reads like Python repr, without the address', () => {
    expect(String(new ContextVar('a'))).toBe("<ContextVar name='a'>");
    expect(String(new ContextVar('a', { default: 123 }))).toBe("<ContextVar name='a' default=123>");
    expect(String(new ContextVar('a', { default: 'x' }))).toBe("<ContextVar name='a' default='x'>");
  });

  it(
    'get/set/reset with tokens, as test_context_getset_1',
    isolated(() => {
      const c = new ContextVar<unknown>('c');
      expect(() => c.get()).toThrow(LookupError);
      expect(() => c.get()).toThrow("<ContextVar name='c'>");
      expect(c.get(null)).toBeNull();
      expect(c.get(undefined)).toBeUndefined();

      const t0 = c.set(42);
      expect(c.get()).toBe(42);
      expect(c.get(null)).toBe(42);
      expect(t0.oldValue).toBe(Token.MISSING);
      expect(t0.var).toBe(c);

      const t = c.set('spam');
      expect(c.get()).toBe('spam');
      expect(t.oldValue).toBe(42);
      c.reset(t);
      expect(c.get()).toBe(42);

      c.set('spam2');
      expect(() => c.reset(t)).toThrow(RuntimeError);
      expect(() => c.reset(t)).toThrow(
        "<Token used=true var=<ContextVar name='c'>> has already been used once",
      );
      expect(c.get()).toBe('spam2');

      const ctx1 = copyContext();
      expect(ctx1.has(c)).toBe(true);

      c.reset(t0);
      expect(() => c.reset(t0)).toThrow('has already been used once');
      expect(c.get(null)).toBeNull();

      expect(ctx1.has(c)).toBe(true);
      expect(ctx1.get(c)).toBe('spam2');
      expect(ctx1.get(c, 'aa')).toBe('spam2');
      expect(ctx1.size).toBe(1);
      expect([...ctx1.entries()]).toEqual([[c, 'spam2']]);
      expect([...ctx1.values()]).toEqual(['spam2']);
      expect([...ctx1.keys()]).toEqual([c]);
      expect([...ctx1]).toEqual([[c, 'spam2']]);

      const ctx2 = copyContext();
      expect(ctx2.has(c)).toBe(false);
      expect(ctx2.get(c)).toBeUndefined();
      expect(ctx2.get(c, 'aa')).toBe('aa');
      expect(ctx2.size).toBe(0);
      expect([...ctx2]).toEqual([]);
    }),
  );

  it('uses the variable default, then the argument default', () => {
    const c = new ContextVar('c', { default: 42 });
    expect(c.get()).toBe(42);
    expect(c.get(7)).toBe(7);
    const u = new ContextVar<string | undefined>('u', { default: undefined });
    expect(u.get()).toBeUndefined();
  });

  it(
    'refuses a token of another variable (RangeError, Python ValueError)',
    isolated(() => {
      const v1 = new ContextVar('v1');
      const v2 = new ContextVar('v2');
      const t1 = v1.set(42);
      expect(() => v2.reset(t1)).toThrow(RangeError);
      expect(() => v2.reset(t1)).toThrow('was created by a different ContextVar');
      // The refused reset did not use the token.
      v1.reset(t1);
      expect(v1.get(null)).toBeNull();
    }),
  );

  it(
    'refuses a token made in another context (test_context_getset_4)',
    isolated(() => {
      const c = new ContextVar('c', { default: 42 });
      const ctx = new Context();
      const tok = ctx.run(() => c.set(1));
      expect(() => c.reset(tok)).toThrow(RangeError);
      expect(() => c.reset(tok)).toThrow('was created in a different Context');
    }),
  );

  it('refuses something that is not a token', () => {
    const c = new ContextVar('c');
    expect(() => c.reset({} as Token<unknown>)).toThrow(TypeError);
    expect(() => c.reset({} as Token<unknown>)).toThrow('an instance of Token was expected');
  });

  it(
    'keeps values per context: a copy run changes only the copy (test_context_getset_5)',
    isolated(() => {
      const c = new ContextVar<number[]>('c', { default: [] });
      c.set([]);
      copyContext().run(() => {
        c.set([]);
        c.get().push(42);
        expect(c.get()).toEqual([42]);
      });
      expect(c.get()).toEqual([]);
    }),
  );
});

describe('Context', () => {
  it('takes no arguments (test_context_new_1)', () => {
    expect(() => new (Context as unknown as new (x: number) => Context)(1)).toThrow(
      'Context() takes no arguments',
    );
    expect(new Context().size).toBe(0);
  });

  it('wants ContextVar keys (test_context_typerrors_1)', () => {
    const ctx = new Context();
    expect(() => ctx.get(1 as unknown as ContextVar<unknown>)).toThrow(
      'Context.get() expected a ContextVar, got 1',
    );
    expect(() => ctx.has('a' as unknown as ContextVar<unknown>)).toThrow(TypeError);
  });

  it('run() passes arguments and returns the result (test_context_run_2)', () => {
    const ctx = new Context();
    const func = (...args: unknown[]) => [...args, 'bar'];
    expect(ctx.run(func)).toEqual(['bar']);
    expect(ctx.run(func, 1)).toEqual([1, 'bar']);
    expect(ctx.run(func, 11, { a: 2 })).toEqual([11, { a: 2 }, 'bar']);
  });

  it('run() refuses a non-function', () => {
    const ctx = new Context();
    expect(() => ctx.run(42 as unknown as () => void)).toThrow(TypeError);
    expect(() => ctx.run(42 as unknown as () => void)).toThrow(
      'Context.run() expected a function, got 42',
    );
  });

  it('run() lets exceptions through and leaves the context (test_context_run_3, _5)', () => {
    const ctx = new Context();
    const v = new ContextVar('v');
    expect(() =>
      ctx.run(() => {
        v.set('spam');
        throw new SyntaxError('boom');
      }),
    ).toThrow(SyntaxError);
    expect(v.get(null)).toBeNull();
    expect(ctx.get(v)).toBe('spam');
    // Not entered any more: it can run again.
    expect(ctx.run(() => v.get())).toBe('spam');
  });

  it(
    'nests contexts (test_context_run_4)',
    isolated(() => {
      const ctx1 = new Context();
      const ctx2 = new Context();
      const v = new ContextVar('var');
      const returned = ctx1.run(() => {
        expect(v.get(null)).toBeNull();
        v.set('spam');
        ctx2.run(() => expect(v.get(null)).toBeNull());
        expect(v.get(null)).toBe('spam');
        const cur = copyContext();
        expect(cur.size).toBe(1);
        expect(cur.get(v)).toBe('spam');
        return cur;
      });
      expect(returned.get(v)).toBe('spam');
      expect(returned.has(v)).toBe(true);
      expect(ctx2.size).toBe(0);
    }),
  );

  it('sees set() inside run() at once (test_context_run_6)', () => {
    const ctx = new Context();
    const c = new ContextVar('a', { default: 0 });
    ctx.run(() => {
      expect(c.get()).toBe(0);
      expect(ctx.get(c)).toBeUndefined();
      c.set(42);
      expect(c.get()).toBe(42);
      expect(ctx.get(c)).toBe(42);
    });
  });

  it('cannot be entered twice (test_context_run_7)', () => {
    const ctx = new Context();
    let error: unknown;
    ctx.run(() => {
      try {
        ctx.run(() => undefined);
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(RuntimeError);
    expect(String(error)).toBe(
      'RuntimeError: cannot enter context: <Context size=0 entered> is already entered',
    );
  });

  it('reflects set() and reset() made while it runs (test_context_getset_3)', () => {
    const c = new ContextVar('c', { default: 42 });
    const ctx = new Context();
    ctx.run(() => {
      expect(c.get()).toBe(42);
      expect(ctx.get(c, 'spam')).toBe('spam');
      expect(ctx.has(c)).toBe(false);
      const t = c.set(1);
      expect([...ctx.keys()]).toEqual([c]);
      expect(ctx.get(c)).toBe(1);
      c.reset(t);
      expect([...ctx.keys()]).toEqual([]);
    });
  });

  it('copies are independent (test_context_copy_1)', () => {
    const ctx1 = new Context();
    const c = new ContextVar('c', { default: 42 });
    ctx1.run(() => {
      c.set(10);
      const ctx2 = ctx1.copy();
      expect(ctx2.get(c)).toBe(10);
      c.set(20);
      expect(ctx1.get(c)).toBe(20);
      expect(ctx2.get(c)).toBe(10);
      ctx2.run(() => {
        expect(c.get()).toBe(10);
        c.set(30);
        expect(c.get()).toBe(30);
      });
      expect(ctx1.get(c)).toBe(20);
      expect(ctx2.get(c)).toBe(30);
    });
  });

  it(
    'iterates every variable with its value',
    isolated(() => {
      const vars = Array.from({ length: 50 }, (_, i) => new ContextVar<number>(`v${i}`));
      vars.forEach((v, i) => {
        v.set(i);
      });
      const ctx = copyContext();
      expect(ctx.size).toBe(50);
      const seen = new Map(ctx);
      expect(seen.size).toBe(50);
      vars.forEach((v, i) => {
        expect(seen.get(v)).toBe(i);
      });
      expect(String(ctx)).toBe('<Context size=50>');
    }),
  );
});
