# Timers fire in deadline order, whatever order they were scheduled in.
import asyncio
loop = asyncio.new_event_loop()
for d in [0.03, 0.01, 0.05, 0.02, 0.04]:
    loop.call_later(d, print, "timer", d)
loop.call_soon(print, "soon")
loop.call_later(0.06, loop.stop)
loop.run_forever()
loop.close()
