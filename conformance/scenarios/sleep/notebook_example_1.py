# The notebook's Example 1 (gather of four sleeps), with seconds scaled to hundredths.
import asyncio
async def async_task(name, duration):
    print(f"Start {name}")
    await asyncio.sleep(duration)
    print(f"End {name}")
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print("Starting asynchronous tasks...")
    await asyncio.gather(async_task("Task 1", 0.03), async_task("Task 2", 0.02), async_task("Task 3", 0.04), async_task("Task 4", 0.01))
    print("All asynchronous tasks finished.")
    print("elapsed", round(loop.time() - t0, 2))
asyncio.run(main())
