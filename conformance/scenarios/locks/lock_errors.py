# Releasing an unheld Lock, and waiting on a Lock bound to another loop.
import asyncio
lock = asyncio.Lock()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
async def hold_and_wait():
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    await waiter
asyncio.run(hold_and_wait())
async def other_loop():
    try:
        await lock.acquire()
    except RuntimeError as e:
        print("RuntimeError ends with:", str(e).endswith("is bound to a different event loop"))
asyncio.run(other_loop())
