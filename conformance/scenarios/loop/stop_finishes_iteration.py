# stop() lets the current iteration finish; what it scheduled runs on the next run_forever().
import asyncio
loop = asyncio.new_event_loop()
def stopper():
    print("stopper")
    loop.stop()
    loop.call_soon(print, "scheduled after stop")
loop.call_soon(print, "before stopper")
loop.call_soon(stopper)
loop.call_soon(print, "after stopper, same iteration")
loop.run_forever()
print("run_forever returned, running:", loop.is_running())
loop.call_soon(loop.stop)
loop.run_forever()
print("second run_forever returned")
loop.close()
