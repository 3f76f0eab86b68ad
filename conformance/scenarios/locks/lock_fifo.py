# Waiters get a Lock in the order they asked for it; async with releases on exit.
import asyncio
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    async def worker(name):
        async with lock:
            print(name, "has the lock at", round(asyncio.get_running_loop().time() - t0, 2))
            await asyncio.sleep(0.01)
    t0 = asyncio.get_running_loop().time()
    tasks = [asyncio.create_task(worker(n)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    print("locked:", lock.locked(), "waiters:", len(lock._waiters))
    lock.release()
    for t in tasks:
        await t
    print("locked:", lock.locked())
asyncio.run(main())
