# An exception from the body passes through the timeout unchanged.
import asyncio
async def main():
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.01)
            raise ValueError("from the body")
    except ValueError as e:
        print("ValueError:", e, "expired:", cm.expired())
asyncio.run(main())
