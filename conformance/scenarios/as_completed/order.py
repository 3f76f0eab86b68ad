# as_completed yields awaitables in the order the inputs finish.
import asyncio
async def child(v, d):
    await asyncio.sleep(d)
    return v
async def main():
    for aw in asyncio.as_completed([child("slow", 0.03), child("fast", 0.01), child("middle", 0.02)]):
        print("next:", await aw)
asyncio.run(main())
