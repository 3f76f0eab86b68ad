# Barrier: arrival indices, blocking while it drains, a party cancelled while waiting,
# reset() and abort() with BrokenBarrierError, and the states n_waiting/broken show.
import asyncio
async def main():
    barrier = asyncio.Barrier(3)
    async def party(name):
        index = await barrier.wait()
        print(name, "passed with index", index)
    tasks = [asyncio.create_task(party(n)) for n in ("a", "b", "c", "d", "e", "f")]
    await asyncio.sleep(0)
    print("n_waiting:", barrier.n_waiting)
    for t in tasks:
        await t
    print("after two rounds, n_waiting:", barrier.n_waiting, "broken:", barrier.broken)
    # A party cancelled while it waits leaves the count.
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("n_waiting:", barrier.n_waiting)
    t1.cancel()
    await asyncio.sleep(0)
    print("after cancel, n_waiting:", barrier.n_waiting)
    t3 = asyncio.create_task(barrier.wait())
    t4 = asyncio.create_task(barrier.wait())
    print("indices:", [await t for t in (t2, t3, t4)])
    # reset() while two parties wait.
    async def careful(name):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            print(name, "BrokenBarrierError:", e)
    tasks = [asyncio.create_task(careful(n)) for n in ("r1", "r2")]
    await asyncio.sleep(0)
    await barrier.reset()
    for t in tasks:
        await t
    print("after reset, n_waiting:", barrier.n_waiting, "broken:", barrier.broken)
    # abort() while one party waits, then a late party.
    t = asyncio.create_task(careful("x1"))
    await asyncio.sleep(0)
    await barrier.abort()
    await t
    await careful("late")
    print("broken:", barrier.broken, "n_waiting:", barrier.n_waiting)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("Barrier(0):", e)
asyncio.run(main())
