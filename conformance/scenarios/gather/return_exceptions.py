# return_exceptions=True: exceptions and cancellations come back as results.
import asyncio
async def child(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name
async def main():
    c = asyncio.create_task(child("c", 1))
    asyncio.get_running_loop().call_later(0.02, c.cancel)
    results = await asyncio.gather(child("a", 0.01), child("b", 0.01, True), c, return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
asyncio.run(main())
