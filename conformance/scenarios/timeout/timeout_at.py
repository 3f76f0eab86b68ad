# timeout_at takes an absolute deadline on the loop's clock; a past deadline fires at once.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at", round(loop.time() - t0, 2))
    try:
        async with asyncio.timeout_at(loop.time() - 1) as cm:
            print("body starts, expired:", cm.expired())
            await asyncio.sleep(0)
            print("never printed")
    except TimeoutError:
        print("past deadline: TimeoutError at", round(loop.time() - t0, 2))
asyncio.run(main())
