# Cancelling the future returned by shield() does not cancel the inner task.
import asyncio
async def inner():
    await asyncio.sleep(0.02)
    return "still done"
async def main():
    t = asyncio.create_task(inner())
    s = asyncio.shield(t)
    print("cancel outer:", s.cancel())
    print("outer cancelled:", s.cancelled(), "inner cancelled:", t.cancelled())
    print(await t)
asyncio.run(main())
