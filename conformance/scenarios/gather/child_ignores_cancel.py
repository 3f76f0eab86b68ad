# Cancelling gather while a child swallows the cancellation: gather still ends with CancelledError.
import asyncio
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn swallows the cancel")
    return "stubborn result"
async def plain():
    await asyncio.sleep(1)
async def main():
    g = asyncio.gather(stubborn(), plain(), return_exceptions=True)
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        print("result:", await g)
    except asyncio.CancelledError:
        print("gather raised CancelledError even with return_exceptions")
asyncio.run(main())
