# Two producers and two consumers through a Queue(2); join() waits for task_done().
import asyncio
async def main():
    q = asyncio.Queue(2)
    async def producer(name, n):
        for i in range(n):
            await q.put(f"{name}{i}")
            print("put", f"{name}{i}", "qsize", q.qsize(), "full", q.full())
    async def consumer(name):
        while True:
            item = await q.get()
            print(name, "got", item)
            await asyncio.sleep(0.01)
            q.task_done()
    producers = [asyncio.create_task(producer(n, 3)) for n in ("a", "b")]
    consumers = [asyncio.create_task(consumer(n)) for n in ("x", "y")]
    for p in producers:
        await p
    await q.join()
    print("joined, empty:", q.empty(), "unfinished:", q._unfinished_tasks)
    for c in consumers:
        c.cancel()
    try:
        q.task_done()
    except ValueError as e:
        print("task_done:", e)
    await q.join()
    print("join with nothing unfinished returns")
asyncio.run(main())
