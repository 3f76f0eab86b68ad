import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type Clock,
  EventLoop,
  ensureFuture,
  Future,
  getEventLoop,
  type Instrument,
  Runner,
  run,
  setEventLoop,
  Task,
} from '../src/index.js';
import { JumpClock } from './support.js';

function* one(): Generator<undefined, number> {
  yield;
  return 1;
}

describe('bad input is refused at the call with a TypeError naming the argument', () => {
  afterEach(() => {
    setEventLoop(null);
    vi.restoreAllMocks();
  });

  it('addInstrument(null), addInstrument(undefined), a hook that is not a function', () => {
    const loop = new EventLoop({ clock: new JumpClock() });
    expect(() => loop.addInstrument(null as unknown as Instrument)).toThrow(
      new TypeError('addInstrument(): instrument must be an object, got null'),
    );
    expect(() => loop.addInstrument(undefined as unknown as Instrument)).toThrow(
      new TypeError('addInstrument(): instrument must be an object, got undefined'),
    );
    expect(() => loop.addInstrument({ beforeIdle: 5 } as unknown as Instrument)).toThrow(
      new TypeError('addInstrument(): instrument.beforeIdle must be a function, got 5'),
    );
    // Nothing was attached: the loop still runs.
    expect(loop.runUntilComplete(one())).toBe(1);
    loop.close();
  });

  it('an instrument whose hook getter throws: refused at the call, or detached and reported later', () => {
    const loop = new EventLoop({ clock: new JumpClock() });
    const broken = {
      get taskSpawned(): never {
        throw new Error('getter broke');
      },
    };
    expect(() => loop.addInstrument(broken)).toThrow(
      new TypeError("addInstrument(): reading instrument.taskSpawned threw Error('getter broke')"),
    );
    // A getter that starts throwing after it was attached is the instrument's failure.
    let calls = 0;
    const later = {
      get beforeTaskStep(): () => void {
        if (++calls > 1) throw new Error('getter broke later');
        return () => {};
      },
    };
    loop.addInstrument(later);
    const reported: string[] = [];
    loop.setExceptionHandler((_, context) => reported.push(context.message));
    expect(loop.runUntilComplete(one())).toBe(1);
    expect(reported).toEqual([
      'Exception in instrument hook beforeTaskStep() (the instrument was removed)',
    ]);
    loop.close();
  });

  it('setEventLoop(5) is a TypeError; getEventLoop() keeps working', () => {
    expect(() => setEventLoop(5 as unknown as EventLoop)).toThrow(
      new TypeError('setEventLoop(): loop must be an EventLoop or null, got 5'),
    );
    const loop = getEventLoop();
    expect(loop).toBeInstanceOf(EventLoop);
    expect(loop.isClosed()).toBe(false);
  });

  it('a bad clock option', () => {
    expect(() => new EventLoop({ clock: 5 as unknown as Clock })).toThrow(
      new TypeError(
        'new EventLoop(): options.clock must be a Clock (an object with now() and idleUntil(deadline)), got 5',
      ),
    );
    expect(() => run(one, { clock: { now: () => 0 } as unknown as Clock })).toThrow(
      /^options\.clock must be a Clock/,
    );
    expect(() => new Runner({ clock: null as unknown as Clock })).toThrow(TypeError);
  });

  it('a bad loop option', () => {
    const bad = { loop: {} as EventLoop };
    expect(() => new Future(bad)).toThrow(
      new TypeError('new Future(): options.loop must be an EventLoop, got {}'),
    );
    expect(() => new Task(one(), bad)).toThrow(
      new TypeError('new Task(): options.loop must be an EventLoop, got {}'),
    );
    expect(() => ensureFuture(one(), bad)).toThrow(
      new TypeError('ensureFuture(): options.loop must be an EventLoop, got {}'),
    );
  });

  it('a bad loopFactory option, or a factory that makes no loop', () => {
    expect(() => run(one, { loopFactory: 5 as unknown as () => EventLoop })).toThrow(
      new TypeError('options.loopFactory must be a function, got 5'),
    );
    expect(() => run(one, { loopFactory: () => ({}) as EventLoop })).toThrow(
      new TypeError('the loop made by loopFactory() must be an EventLoop, got {}'),
    );
  });
});
