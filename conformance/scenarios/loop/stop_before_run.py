# stop() before run_forever(): the loop runs one iteration, then returns.
import asyncio
loop = asyncio.new_event_loop()
def again(n):
    print("iteration callback", n)
    if n < 3:
        loop.call_soon(again, n + 1)
loop.call_soon(again, 1)
loop.stop()
loop.run_forever()
print("returned after one iteration")
loop.call_soon(loop.stop)
loop.run_forever()
print("returned again")
loop.close()
