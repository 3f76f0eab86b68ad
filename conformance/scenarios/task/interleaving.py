# Bare yields (sleep(0)) interleave tasks one step at a time, in creation order.
import asyncio
async def worker(name, steps):
    for i in range(steps):
        print(name, "step", i)
        await asyncio.sleep(0)
    print(name, "done")
async def main():
    tasks = [asyncio.create_task(worker(n, s)) for n, s in [("a", 3), ("b", 1), ("c", 2)]]
    for t in tasks:
        await t
    print("main done")
asyncio.run(main())
