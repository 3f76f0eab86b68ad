# FIRST_COMPLETED returns as soon as one is done; the others keep running.
import asyncio
async def child(v, d):
    await asyncio.sleep(d)
    print(v, "finishes")
    return v
async def main():
    tasks = [asyncio.create_task(child(n, d), name=n) for n, d in [("a", 0.02), ("b", 0.01), ("c", 0.03)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    await asyncio.wait(pending)
asyncio.run(main())
