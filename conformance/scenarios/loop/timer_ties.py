# Timers scheduled with the same delay fire in the order they were scheduled. (asyncio leaves
# timers with exactly the same deadline, e.g. call_at(when) several times, in no set order, so
# they are not compared here.)
import asyncio
loop = asyncio.new_event_loop()
for name in ["a", "b", "c", "d", "e"]:
    loop.call_later(0.02, print, "later", name)
def from_callback():
    for name in ["f", "g", "h"]:
        loop.call_later(0.01, print, "later from callback", name)
loop.call_later(0.01, from_callback)
loop.call_later(0.01, print, "later 0.01 after from_callback")
loop.call_later(0.04, loop.stop)
loop.run_forever()
loop.close()
