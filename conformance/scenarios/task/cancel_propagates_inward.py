# Cancelling a task that awaits another task cancels the awaited task too.
import asyncio
async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inner cancelled", e.args)
        raise
async def outer(t):
    try:
        await t
    except asyncio.CancelledError as e:
        print("outer cancelled", e.args)
        raise
async def main():
    ti = asyncio.create_task(inner())
    to = asyncio.create_task(outer(ti))
    await asyncio.sleep(0.01)
    print("cancel outer:", to.cancel("from main"))
    for name, t in [("outer", to), ("inner", ti)]:
        try:
            await t
        except asyncio.CancelledError:
            pass
        print(name, "cancelled:", t.cancelled())
asyncio.run(main())
