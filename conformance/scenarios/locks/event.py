# Event: set() wakes every waiter in order, clear() blocks later ones, a cancelled waiter
# is forgotten, and a waiter whose set() was followed by clear() still wakes.
import asyncio
async def main():
    ev = asyncio.Event()
    async def waiter(name):
        print(name, "woke with", await ev.wait())
    tasks = [asyncio.create_task(waiter(n)) for n in ("a", "b", "c")]
    await asyncio.sleep(0.01)
    tasks[1].cancel()
    await asyncio.sleep(0)
    print("waiters:", len(ev._waiters), "is_set:", ev.is_set())
    ev.set()
    ev.clear()
    for t in (tasks[0], tasks[2]):
        await t
    print("b cancelled:", tasks[1].cancelled(), "is_set:", ev.is_set())
    ev.set()
    print("wait on set event:", await ev.wait())
    ev.clear()
    late = asyncio.create_task(ev.wait())
    await asyncio.sleep(0.01)
    print("late done:", late.done())
    ev.set()
    print("late:", await late)
asyncio.run(main())
