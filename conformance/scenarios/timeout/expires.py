# asyncio.timeout: at the deadline the body is cancelled and the caller gets TimeoutError.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body cancelled at", round(loop.time() - t0, 2))
                raise
    except TimeoutError as e:
        print("TimeoutError", e.args, "expired:", cm.expired(), "at", round(loop.time() - t0, 2))
    print("task not cancelled:", asyncio.current_task().cancelling())
asyncio.run(main())
