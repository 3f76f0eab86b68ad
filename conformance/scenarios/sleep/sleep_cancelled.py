# Cancelling a sleeping task ends its sleep at once.
import asyncio
async def sleeper():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("sleep cancelled after", round(loop.time() - t0, 2))
        raise
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main sees cancelled:", t.cancelled(), "at", round(loop.time() - t0, 2))
asyncio.run(main())
