# The first failure cancels the other tasks; failures are raised together as an ExceptionGroup.
# (A TaskGroup cancels its tasks in the order of a set, which asyncio leaves undefined:
# the cancelled ones are printed sorted.)
import asyncio
cancelled = []
async def child(v, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        cancelled.append(v)
        raise
    if fail:
        print(v, "fails")
        raise ValueError(v)
    return v
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.03))
            tg.create_task(child("b", 0.01, True))
            tg.create_task(child("c", 0.02))
            await asyncio.sleep(1)
            print("never printed")
    except* ValueError as eg:
        print("ExceptionGroup:", str(eg), [str(e) for e in eg.exceptions])
    print("cancelled:", sorted(cancelled))
asyncio.run(main())
