# Lock cancellation races: a waiter cancelled as the lock is released, two at once, and a
# woken waiter cancelled before it runs (3.11's _wake_up_first hands the lock on).
import asyncio
async def main():
    # 1. B is cancelled while A releases: C gets the lock.
    lock = asyncio.Lock()
    async def lockit(name, blocker):
        await lock.acquire()
        print(name, "acquired")
        try:
            if blocker is not None:
                await blocker
        finally:
            lock.release()
    fa = asyncio.get_running_loop().create_future()
    ta = asyncio.create_task(lockit("A", fa))
    await asyncio.sleep(0)
    tb = asyncio.create_task(lockit("B", None))
    await asyncio.sleep(0)
    tc = asyncio.create_task(lockit("C", None))
    await asyncio.sleep(0)
    fa.set_result(None)
    tb.cancel()
    await asyncio.sleep(0)
    print("locked:", lock.locked(), "a done:", ta.done(), "b cancelled:", tb.cancelled())
    await tc
    # 2. Cancel one waiter and release in the same callback: exactly one more takes it.
    lock = asyncio.Lock()
    taken = []
    async def take(name):
        await lock.acquire()
        taken.append(name)
    await lock.acquire()
    t1 = asyncio.create_task(take("t1"))
    t2 = asyncio.create_task(take("t2"))
    t3 = asyncio.create_task(take("t3"))
    await asyncio.sleep(0)
    def trigger():
        t1.cancel()
        lock.release()
    asyncio.get_running_loop().call_soon(trigger)
    try:
        await t1
    except asyncio.CancelledError:
        print("t1 cancelled")
    print("taken:", taken, "t2 done:", t2.done(), "t3 done:", t3.done())
    t3.cancel()
    await asyncio.sleep(0)
    print("t3 cancelled:", t3.cancelled())
    # 3. The woken waiter is cancelled before it runs: the next waiter is woken instead.
    lock = asyncio.Lock()
    await lock.acquire()
    tb = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    tc = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    tb.cancel()
    await asyncio.sleep(0)
    print("tb cancelled:", tb.cancelled(), "locked:", lock.locked())
    print("tc:", await tc)
asyncio.run(main())
