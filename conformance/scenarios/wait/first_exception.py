# FIRST_EXCEPTION returns at the first exception, or when all are done if none fails.
import asyncio
async def child(v, d, fail=False):
    await asyncio.sleep(d)
    print(v, "ends")
    if fail:
        raise ValueError(v)
    return v
async def main():
    tasks = [asyncio.create_task(child(n, d, f), name=n) for n, d, f in [("a", 0.01, False), ("b", 0.02, True), ("c", 0.03, False)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    tasks = [asyncio.create_task(child(n, d), name=n) for n, d in [("x", 0.005), ("y", 0.02)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("no failure: done:", sorted(t.get_name() for t in done), "pending:", len(pending))
    await asyncio.sleep(0.02)
asyncio.run(main())
