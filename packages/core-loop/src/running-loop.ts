import { checkLoop } from './checks.js';
import { RuntimeError } from './errors.js';
import type { EventLoop } from './event-loop.js';
import { registry } from './registry.js';

/** asyncio.get_running_loop: the loop running on this thread, or a RuntimeError. */
export function getRunningLoop(): EventLoop {
  const loop = registry.running;
  if (loop === null) throw new RuntimeError('no running event loop');
  return loop;
}

/** The running loop, or null when none is running (asyncio's `_get_running_loop`). */
export function tryGetRunningLoop(): EventLoop | null {
  return registry.running;
}

/**
 * asyncio.get_event_loop: the running loop; otherwise the loop set with `setEventLoop`,
 * made (and set) on first use as the default policy does.
 */
export function getEventLoop(): EventLoop {
  const running = registry.running;
  if (running !== null) return running;
  if (registry.current === null || registry.current.isClosed()) {
    registry.current = newEventLoop();
  }
  return registry.current;
}

/** asyncio.set_event_loop: the loop `getEventLoop()` returns when none is running. */
export function setEventLoop(loop: EventLoop | null): void {
  checkLoop(loop, 'setEventLoop(): loop', true);
  registry.current = loop;
}

/** asyncio.new_event_loop: a new, not yet running loop with the default clock. */
export function newEventLoop(): EventLoop {
  const make = registry.makeLoop;
  if (make === null) throw new RuntimeError('core-loop is not initialised: import EventLoop first');
  return make();
}
