# wait() with ALL_COMPLETED returns when every awaitable is done: (done, pending).
import asyncio
async def child(v, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(v)
    return v
async def main():
    tasks = [asyncio.create_task(child(n, d, f), name=n) for n, d, f in [("a", 0.02, False), ("b", 0.01, True), ("c", 0.03, False)]]
    done, pending = await asyncio.wait(tasks)
    print("done:", sorted(t.get_name() for t in done), "pending:", len(pending))
    print("b raised:", tasks[1].exception())
asyncio.run(main())
