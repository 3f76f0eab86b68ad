# A child cancelled on its own (not through gather) fails the gather with CancelledError.
import asyncio
async def child(name, d):
    await asyncio.sleep(d)
    print(name, "done")
    return name
async def main():
    a = asyncio.create_task(child("a", 1))
    b = asyncio.create_task(child("b", 0.02))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.01)
    a.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; gather cancelled():", g.cancelled(), "b done:", b.done())
    print("b:", await b)
asyncio.run(main())
