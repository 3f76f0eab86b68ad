# An exception raised by the awaitable passes through wait_for.
import asyncio
async def fails():
    await asyncio.sleep(0.01)
    raise ValueError("inner failure")
async def main():
    try:
        await asyncio.wait_for(fails(), 1)
    except ValueError as e:
        print("ValueError:", e)
asyncio.run(main())
