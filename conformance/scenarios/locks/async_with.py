# async with on Lock, Condition, Semaphore and BoundedSemaphore: held in the body, released
# on return, on an exception and on cancellation; a task cancelled while it waits to enter
# never runs the body.
import asyncio
async def main():
    for p in (asyncio.Lock(), asyncio.Condition(), asyncio.Semaphore(), asyncio.BoundedSemaphore()):
        name = type(p).__name__
        async with p as entered:
            print(name, "entered:", entered, "locked:", p.locked())
        try:
            async with p:
                raise KeyError("boom")
        except KeyError:
            print(name, "after exception, locked:", p.locked())
        async def body(tag):
            async with p:
                print(name, tag, "in body")
                await asyncio.sleep(1)
        first = asyncio.create_task(body("first"))
        await asyncio.sleep(0)
        second = asyncio.create_task(body("second"))
        await asyncio.sleep(0)
        second.cancel()
        await asyncio.sleep(0)
        first.cancel()
        await asyncio.sleep(0)
        print(name, "both cancelled:", first.cancelled(), second.cancelled(), "locked:", p.locked())
asyncio.run(main())
