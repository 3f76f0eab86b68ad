# Semaphore: FIFO order even when a woken task releases and re-acquires, the slot of a
# waiter cancelled before it runs goes to the next one, BoundedSemaphore's over-release.
import asyncio
async def main():
    sem = asyncio.Semaphore(1)
    result = []
    async def c1():
        await sem.acquire()
        result.append(1)
    async def c2():
        await sem.acquire()
        result.append(2)
        sem.release()
        await sem.acquire()
        result.append(4)
    async def c3():
        await sem.acquire()
        result.append(3)
    tasks = [asyncio.create_task(c()) for c in (c1, c2, c3)]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    for t in tasks:
        await t
    print("fifo:", result, "locked:", sem.locked())
    # Cancelled before being woken: one of the later waiters gets the slot.
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(sem.acquire()) for _ in range(4)]
    await asyncio.sleep(0)
    ts[0].cancel()
    ts[1].cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done:", [t.done() for t in ts], "cancelled:", [t.cancelled() for t in ts])
    ts[3].cancel()
    await asyncio.sleep(0)
    # Woken, then cancelled before it runs: its slot passes on.
    sem = asyncio.Semaphore(0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    t1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t1 cancelled:", t1.cancelled(), "t2 done:", t2.done(), "locked:", sem.locked())
    sem.release()
    print("locked after release:", sem.locked(), "value:", sem._value)
    # async with and a task cancelled while it waits for the slot.
    sem = asyncio.Semaphore(1)
    async def holder():
        async with sem:
            await asyncio.sleep(0)
        blocked.cancel()
    async def never():
        async with sem:
            print("never printed")
    h = asyncio.create_task(holder())
    blocked = asyncio.create_task(never())
    await h
    try:
        await blocked
    except asyncio.CancelledError:
        print("blocked cancelled, locked:", sem.locked())
    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("over-release:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("Semaphore(-1):", e)
asyncio.run(main())
