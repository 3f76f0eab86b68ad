// TaskGroup.create_task(coro, context=...) as CPython's test_taskgroup_task_context.
import { ContextVar, copyContext } from '@asyncio-ts/contextvars';
import type { Coroutine } from '@asyncio-ts/core-loop';
import { taskGroup } from '@asyncio-ts/gather';
import { describe, expect, it } from 'vitest';
import { runVirtual, sleep } from './support.js';

describe('taskGroup and contexts', () => {
  it('tg.createTask(coro, { context }) runs the task in that Context (test_taskgroup_task_context)', () => {
    const cvar = new ContextVar<number>('cvar');
    function* coro(value: number): Coroutine<void> {
      yield* sleep(0);
      cvar.set(value);
    }
    const seen = runVirtual(function* () {
      return yield* taskGroup(function* (g) {
        const ctx = copyContext();
        const out = [ctx.get(cvar)];
        yield* g.createTask(coro(1), { context: ctx });
        out.push(ctx.get(cvar));
        yield* g.createTask(coro(2), { context: ctx, name: 't2' });
        out.push(ctx.get(cvar));
        return out;
      });
    });
    expect(seen).toEqual([undefined, 1, 2]);
  });

  it('without a context, each task copies the body context', () => {
    const cvar = new ContextVar('cvar', { default: 'none' });
    const seen = runVirtual(function* () {
      cvar.set('body');
      return yield* taskGroup(function* (g) {
        function* child(name: string): Coroutine<string> {
          const before = cvar.get();
          cvar.set(name);
          yield* sleep(0.01);
          return `${name} saw ${before}, has ${cvar.get()}`;
        }
        const a = g.createTask(child('a'));
        const b = g.createTask(child('b'), { name: 'b' });
        return [yield* a, yield* b, `body has ${cvar.get()}`];
      });
    });
    expect(seen).toEqual(['a saw body, has a', 'b saw body, has b', 'body has body']);
  });
});
