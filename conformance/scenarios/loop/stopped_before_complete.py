# run_until_complete() raises when the loop is stopped before the future is done.
import asyncio
loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_soon(loop.stop)
try:
    loop.run_until_complete(fut)
except RuntimeError as e:
    print("RuntimeError:", e)
print("future done:", fut.done())
loop.call_soon(fut.set_result, 7)
print("result:", loop.run_until_complete(fut))
loop.close()
