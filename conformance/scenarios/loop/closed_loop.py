# A closed loop refuses new work; close() is idempotent; a running loop refuses to run again.
import asyncio
loop = asyncio.new_event_loop()
async def inner():
    return 1
async def outer():
    coro = inner()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("is_running inside:", loop.is_running())
loop.run_until_complete(outer())
print("is_running after:", loop.is_running(), "is_closed:", loop.is_closed())
loop.close()
loop.close()
print("is_closed:", loop.is_closed())
for name, call in [("call_soon", lambda: loop.call_soon(print)), ("call_later", lambda: loop.call_later(1, print)), ("run_forever", loop.run_forever)]:
    try:
        call()
    except RuntimeError as e:
        print(name, "RuntimeError:", e)
