# Cancelling the task that waits in wait_for cancels the inner awaitable too.
import asyncio
async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inner cancelled", e.args)
        raise
async def waiter():
    try:
        await asyncio.wait_for(inner(), 10)
    except asyncio.CancelledError as e:
        print("waiter cancelled", e.args)
        raise
async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError:
        print("main: waiter cancelled:", t.cancelled())
asyncio.run(main())
