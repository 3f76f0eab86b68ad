# A body that swallows the timeout's cancellation ends normally: no TimeoutError, yet expired().
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("body swallows the cancellation at", round(loop.time() - t0, 2))
    print("no TimeoutError; expired:", cm.expired(), "cancelling:", asyncio.current_task().cancelling())
asyncio.run(main())
