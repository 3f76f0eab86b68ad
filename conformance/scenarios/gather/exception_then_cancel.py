# After the first exception, later failures and cancellations of children are not reported.
import asyncio
async def child(name, d, fail):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise ValueError(name)
    return name
async def main():
    a = asyncio.create_task(child("a", 0.01, True))
    b = asyncio.create_task(child("b", 0.03, True))
    c = asyncio.create_task(child("c", 0.04, False))
    g = asyncio.gather(a, b, c)
    try:
        await g
    except ValueError as e:
        print("gather raised", e)
    print("cancel gather after failure:", g.cancel())
    c.cancel()
    await asyncio.sleep(0.05)
    print("b:", type(b.exception()).__name__, "c cancelled:", c.cancelled())
asyncio.run(main())
