# If the awaitable swallows wait_for's cancellation and returns a value, wait_for returns it.
import asyncio
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: cancelled, returns anyway")
    return "late value"
async def main():
    print("wait_for returned:", await asyncio.wait_for(stubborn(), 0.01))
asyncio.run(main())
