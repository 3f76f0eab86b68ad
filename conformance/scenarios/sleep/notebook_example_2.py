# The notebook's Example 2 (two equal sleeps in parallel), with seconds scaled to hundredths.
import asyncio
async def task1():
    print("Start task1"); await asyncio.sleep(0.02); print("End task1")
async def task2():
    print("Start task2"); await asyncio.sleep(0.02); print("End task2")
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(task1(), task2())
    print("elapsed", round(loop.time() - t0, 2))
asyncio.run(main())
