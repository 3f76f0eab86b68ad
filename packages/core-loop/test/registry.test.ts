import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import * as here from '../src/index.js';
import { registry } from '../src/registry.js';
import { JumpClock, thrown } from './support.js';

type CoreLoop = typeof here;

/** A second, independent copy of the package's modules (as an ESM and a CJS build would be). */
async function secondCopy(): Promise<CoreLoop> {
  vi.resetModules();
  // After resetModules, importing the entry again evaluates every module once more.
  const other = (await import('../src/index.js')) as CoreLoop;
  expect(other.EventLoop).not.toBe(here.EventLoop);
  return other;
}

const KEY = Symbol.for('asyncio-ts.core-loop.registry.v1');

describe('the running-loop registry', () => {
  it('lives on globalThis under a Symbol.for key', () => {
    expect((globalThis as Record<symbol, unknown>)[KEY]).toBe(registry);
    expect(registry.running).toBe(null);
  });

  it('is shared by two copies of the package', async () => {
    const other = await secondCopy();
    const seen: unknown[] = [];
    const loop = new here.EventLoop({ clock: new JumpClock() });
    loop.callSoon(() => {
      seen.push(other.getRunningLoop() === loop);
      seen.push(thrown(() => other.run(function* () {})).message);
      seen.push(other.currentTask());
      loop.stop();
    });
    loop.runForever();
    loop.close();
    expect(seen).toEqual([true, 'run() cannot be called from a running event loop', null]);
    expect(thrown(() => other.getRunningLoop()).message).toBe('no running event loop');
  });

  it("lets one copy's Task await the other copy's Future, and numbers tasks in one sequence", async () => {
    const other = await secondCopy();
    const loop = new here.EventLoop({ clock: new JumpClock() });
    const foreignFuture = new other.Future<string>({ loop });
    expect(here.isFuture(foreignFuture)).toBe(true);
    expect(other.isFuture(loop.createFuture())).toBe(true);
    loop.callLater(1, () => foreignFuture.setResult('from the other copy'));
    const a = loop.createTask((function* () {})());
    const b = new other.Task((function* () {})(), { loop });
    expect(Number(b.getName().slice(5))).toBe(Number(a.getName().slice(5)) + 1);
    const got = loop.runUntilComplete(
      (function* () {
        return yield* foreignFuture;
      })(),
    );
    expect(got).toBe('from the other copy');
    loop.runUntilComplete(b);
    loop.close();
  });

  it("ends a task cancelled through the other copy's future as cancelled", async () => {
    const other = await secondCopy();
    const loop = new here.EventLoop({ clock: new JumpClock() });
    const foreignFuture = new other.Future<string>({ loop });
    const task = loop.createTask(
      (function* () {
        return yield* foreignFuture;
      })(),
    );
    loop.callLater(1, () => foreignFuture.cancel('via copy 2'));
    const error = thrown(() => loop.runUntilComplete(task));
    expect(error).toBeInstanceOf(here.CancelledError);
    expect(error).toBeInstanceOf(other.CancelledError);
    expect(task.cancelled()).toBe(true);
    loop.close();
  });
});

describe('error classes', () => {
  it('are Errors named after their class; instanceof works for subclasses too', () => {
    for (const Cls of [
      here.CancelledError,
      here.InvalidStateError,
      here.TimeoutError,
      here.RuntimeError,
    ]) {
      const e = new Cls('m');
      expect(e).toBeInstanceOf(Error);
      expect(e).toBeInstanceOf(Cls);
      expect(e.name).toBe(Cls.name);
      expect(String(e)).toBe(`${Cls.name}: m`);
    }
    class Shutdown extends here.CancelledError {}
    expect(new Shutdown('x')).toBeInstanceOf(here.CancelledError);
    expect(new here.CancelledError('x') instanceof Shutdown).toBe(false);
    expect(new Error('x') instanceof here.CancelledError).toBe(false);
    expect(new here.RuntimeError('x') instanceof here.CancelledError).toBe(false);
    expect((null as unknown as object) instanceof here.CancelledError).toBe(false);
  });
});

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
// The built ESM and CJS files exist after `pnpm build` (`pnpm test` builds first).
if (existsSync(`${distDir}index.cjs`) && existsSync(`${distDir}index.js`)) {
  describe('the built ESM and CJS files', () => {
    it('agree on the running loop', async () => {
      const cjs = createRequire(import.meta.url)(`${distDir}index.cjs`) as CoreLoop;
      const esm = (await import(`${distDir}index.js`)) as CoreLoop;
      expect(cjs.EventLoop).not.toBe(esm.EventLoop);
      const loop = new esm.EventLoop();
      let seenByCjs: unknown = null;
      loop.callSoon(() => {
        seenByCjs = cjs.getRunningLoop();
        loop.stop();
      });
      loop.runForever();
      loop.close();
      expect(seenByCjs).toBe(loop);
      expect(cjs.isFuture(new esm.EventLoop().createFuture())).toBe(true);
    });
  });
}
