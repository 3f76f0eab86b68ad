"""Run a Python example on virtual time: usage virtual_time.py FILE.

The event loop's clock (and time.monotonic, which examples use to measure) only moves when
the loop would wait: it jumps to the next timer at once, as asyncio-ts's VirtualClock does, so
an example that sleeps for seconds runs instantly and prints exact times.
"""

import asyncio
import runpy
import sys
import time


class VirtualSelector:
    """Wraps the loop's selector: instead of waiting, time jumps to the next timer."""

    def __init__(self, inner, loop):
        self._inner = inner
        self._loop = loop

    def select(self, timeout=None):
        if timeout is None or timeout > 0:
            scheduled = self._loop._scheduled
            if scheduled:
                VirtualLoop.now = max(VirtualLoop.now, scheduled[0].when())
            elif timeout is None:
                # Nothing scheduled: only I/O (a socket, a child process) can wake the loop.
                # Wait for it in real time, but not forever.
                events = self._inner.select(30)
                if not events:
                    raise RuntimeError("the example waits forever")
                return events
        return self._inner.select(0)

    def __getattr__(self, name):
        return getattr(self._inner, name)


class VirtualLoop(asyncio.SelectorEventLoop):
    now = 0.0

    def __init__(self):
        super().__init__()
        self._selector = VirtualSelector(self._selector, self)

    def time(self):
        return VirtualLoop.now


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualLoop()


asyncio.set_event_loop_policy(VirtualPolicy())
time.monotonic = lambda: VirtualLoop.now
runpy.run_path(sys.argv[1], run_name="__main__")
