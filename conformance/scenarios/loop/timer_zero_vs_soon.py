# A timer that is due joins the ready queue behind what is already there, in the same iteration.
import asyncio
loop = asyncio.new_event_loop()
def first():
    print("first")
    loop.call_soon(print, "scheduled by first")
loop.call_soon(first)
loop.call_later(0, print, "call_later(0)")
loop.call_later(-1, print, "call_later(-1)")
loop.call_soon(print, "second")
loop.call_later(0.01, loop.stop)
loop.run_forever()
loop.close()
