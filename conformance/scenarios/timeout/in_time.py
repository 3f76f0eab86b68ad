# A body that finishes before the deadline returns its value; the timeout has not expired.
import asyncio
async def main():
    async with asyncio.timeout(0.05) as cm:
        await asyncio.sleep(0.01)
        value = "done in time"
    print(value, "expired:", cm.expired())
    async with asyncio.timeout(None) as cm2:
        await asyncio.sleep(0.01)
    print("timeout(None) expired:", cm2.expired(), "when:", cm2.when())
asyncio.run(main())
