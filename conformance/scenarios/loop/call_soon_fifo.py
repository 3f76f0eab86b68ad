# call_soon runs callbacks first in, first out, with their arguments.
import asyncio
loop = asyncio.new_event_loop()
for i in range(5):
    loop.call_soon(print, "callback", i)
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
