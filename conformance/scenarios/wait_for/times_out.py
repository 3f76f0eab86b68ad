# wait_for cancels the awaitable at the deadline, waits for it, then raises TimeoutError.
import asyncio
async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow: cancelled")
        await asyncio.sleep(0.01)
        print("slow: cleanup done")
        raise
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow(), 0.01)
    except TimeoutError as e:
        print("TimeoutError", type(e).__name__, "at", round(loop.time() - t0, 2))
asyncio.run(main())
