# Condition.wait() cancelled: it takes the lock back before the CancelledError leaves it, also
# when the lock is contested, and when it is cancelled after being notified.
import asyncio
async def main():
    cond = asyncio.Condition()
    async def waiter(name):
        async with cond:
            try:
                await cond.wait()
                print(name, "returned normally")
            except asyncio.CancelledError:
                print(name, "cancelled, locked:", cond.locked())
                raise
    # 1. Cancelled while waiting for a notify, the lock held by main.
    t = asyncio.create_task(waiter("w1"))
    await asyncio.sleep(0)
    await cond.acquire()
    t.cancel()
    await asyncio.sleep(0.01)
    print("w1 done while main holds the lock:", t.done())
    cond.release()
    try:
        await t
    except asyncio.CancelledError:
        print("w1 cancelled:", t.cancelled(), "locked:", cond.locked())
    # 2. Notified, then cancelled while it waits to re-acquire.
    t = asyncio.create_task(waiter("w2"))
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    cond.release()
    await asyncio.sleep(0)
    print("w2 cancelled:", t.cancelled())
    # 3. Notified and cancelled in the same iteration, the lock contested.
    await cond.acquire()
    wait_task = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    print("locked while w3 waits:", cond.locked())
    await cond.acquire()
    cond.notify()
    asyncio.get_running_loop().call_soon(wait_task.cancel)
    asyncio.get_running_loop().call_soon(cond.release)
    try:
        print("w3:", await wait_task)
    except asyncio.CancelledError:
        print("w3 cancelled")
    print("locked after w3:", cond.locked())
asyncio.run(main())
