# Cancelling the task that awaits shield(inner) leaves inner running to its end.
import asyncio
async def inner():
    print("inner starts")
    await asyncio.sleep(0.02)
    print("inner finishes")
    return "inner result"
async def waiter(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("waiter cancelled, inner done:", t.done())
        raise
async def main():
    t = asyncio.create_task(inner())
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled:", w.cancelled())
    print("inner result:", await t)
asyncio.run(main())
