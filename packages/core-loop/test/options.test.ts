import { afterEach, describe, expect, it } from 'vitest';
import { EventLoop, ensureFuture, Future, Runner, run, Task } from '../src/index.js';
import { JumpClock } from './support.js';

const proto = Object.prototype as Record<string, unknown>;
const polluted = ['clock', 'debug', 'loop', 'name', 'loopFactory'];

describe('options are read as own properties only', () => {
  afterEach(() => {
    for (const key of polluted) delete proto[key];
  });

  it('ignores Object.prototype.{clock,debug,loop,name,loopFactory}', () => {
    const other = new EventLoop();
    proto.clock = new JumpClock(1000);
    proto.debug = true;
    proto.loop = other;
    proto.name = 'polluted';
    proto.loopFactory = () => other;
    const loop = new EventLoop({});
    expect(loop.time()).not.toBe(1000);
    expect(loop.getDebug()).toBe(false);
    const future = new Future({});
    expect(future.getLoop()).not.toBe(other);
    const result = run(function* () {
      function* child(): Generator<undefined, number> {
        yield;
        return 1;
      }
      const loop = new Runner({}).getLoop();
      const task = new Task(child(), { loop });
      expect(task.getName()).toMatch(/^Task-\d+$/);
      task.cancel();
      const again = ensureFuture(child(), {});
      expect(again.getLoop()).not.toBe(other);
      return yield* again;
    }, {});
    expect(result).toBe(1);
    other.close();
    loop.close();
  });
});
