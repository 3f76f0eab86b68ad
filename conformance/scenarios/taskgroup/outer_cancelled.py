# Cancelling the task that runs a TaskGroup cancels its tasks; CancelledError propagates.
# (A TaskGroup cancels its tasks in the order of a set, which asyncio leaves undefined:
# the cancelled ones are printed sorted.)
import asyncio
cancelled = []
async def child(v):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        cancelled.append(v)
        raise
async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a"))
            tg.create_task(child("b"))
    except asyncio.CancelledError:
        print("runner: CancelledError out of the group; cancelled:", sorted(cancelled))
        raise
async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: runner cancelled:", t.cancelled())
asyncio.run(main())
