# as_completed(timeout=...): awaiting past the deadline raises TimeoutError.
import asyncio
async def child(v, d):
    await asyncio.sleep(d)
    return v
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    slow = asyncio.create_task(child("slow", 0.05))
    try:
        for aw in asyncio.as_completed([child("fast", 0.01), slow], timeout=0.02):
            print("got", await aw, "at", round(loop.time() - t0, 2))
    except TimeoutError:
        print("TimeoutError at", round(loop.time() - t0, 2), "slow cancelled:", slow.cancelled())
    slow.cancel()
asyncio.run(main())
