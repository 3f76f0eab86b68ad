# all_tasks() holds the loop's tasks that are not done, the current one included.
import asyncio
async def sleeper(d):
    await asyncio.sleep(d)
async def main():
    print("only main:", len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    a = asyncio.create_task(sleeper(0.01), name="a")
    b = asyncio.create_task(sleeper(0.02), name="b")
    print("three:", sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task()))
    await a
    print("after a:", sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task()))
    await b
    print("after b:", len(asyncio.all_tasks()))
asyncio.run(main())
