# Without return_exceptions the first exception reaches the caller at once; the others keep running.
import asyncio
async def child(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        print(name, "raises")
        raise ValueError(name)
    print(name, "finishes")
    return name
async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(child("a", 0.03))
    try:
        await asyncio.gather(a, child("b", 0.01, True), child("c", 0.02, True))
    except ValueError as e:
        print("gather raised", e, "- a done:", a.done())
    await asyncio.sleep(0.05)
    print("a finished anyway:", a.result())
asyncio.run(main())
