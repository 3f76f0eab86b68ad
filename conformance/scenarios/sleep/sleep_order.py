# Sleepers wake in deadline order; equal delays started together wake in start order.
import asyncio
async def sleeper(name, d):
    await asyncio.sleep(d)
    print(name, "woke")
async def main():
    ts = [asyncio.create_task(sleeper(n, d)) for n, d in [("a", 0.03), ("b", 0.01), ("c", 0.02), ("d", 0.01), ("e", 0.03)]]
    await asyncio.gather(*ts)
    print("all awake")
asyncio.run(main())
