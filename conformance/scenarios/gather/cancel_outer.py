# Cancelling the gather future cancels every child; awaiting it raises CancelledError.
import asyncio
async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args)
        raise
async def main():
    g = asyncio.gather(child("a"), child("b"))
    await asyncio.sleep(0.01)
    print("cancel:", g.cancel("stop all"))
    print("cancel again:", g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("await gather: CancelledError", e.args)
    print("gather done:", g.done(), "cancelled:", g.cancelled())
asyncio.run(main())
