# wait() with a timeout returns what is done so far and cancels nothing.
import asyncio
async def child(v, d):
    await asyncio.sleep(d)
    return v
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(child(n, d), name=n) for n, d in [("a", 0.01), ("b", 0.03)]]
    done, pending = await asyncio.wait(tasks, timeout=0.02)
    print("at", round(loop.time() - t0, 2), "done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    print("b cancelled:", tasks[1].cancelled(), "b result later:", await tasks[1])
asyncio.run(main())
