# A TaskGroup waits for all its tasks on exit.
import asyncio
async def child(v, d):
    await asyncio.sleep(d)
    print(v, "done")
    return v
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 0.02))
        b = tg.create_task(child("b", 0.01))
        print("body ends before the tasks")
    print("after the group:", a.result(), b.result())
asyncio.run(main())
