# Nested timeouts: the one whose deadline passes raises; the other is left alone.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.02) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timed out at", round(loop.time() - t0, 2), "outer expired:", outer.expired())
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer timed out at", round(loop.time() - t0, 2), "inner expired:", inner.expired())
    try:
        async with asyncio.timeout(0.01) as outer:
            async with asyncio.timeout(0.02) as inner:
                await asyncio.sleep(1)
    except TimeoutError:
        print("outer fired first at", round(loop.time() - t0, 2), "inner expired:", inner.expired(), "outer expired:", outer.expired())
asyncio.run(main())
