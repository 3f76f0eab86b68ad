# The inner awaitable's exception or cancellation reaches the shield's caller.
import asyncio
async def fails():
    await asyncio.sleep(0.01)
    raise ValueError("inner failed")
async def main():
    try:
        await asyncio.shield(fails())
    except ValueError as e:
        print("ValueError:", e)
    t = asyncio.create_task(asyncio.sleep(1))
    asyncio.get_running_loop().call_later(0.01, t.cancel)
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        print("inner cancelled -> CancelledError; inner cancelled:", t.cancelled())
asyncio.run(main())
