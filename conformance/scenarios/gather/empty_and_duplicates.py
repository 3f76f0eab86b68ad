# An empty gather gives []; the same awaitable passed twice runs once and fills both places.
import asyncio
runs = 0
async def once():
    global runs
    runs += 1
    await asyncio.sleep(0.01)
    return runs
async def main():
    print("empty:", await asyncio.gather())
    coro = once()
    print("same coroutine twice:", await asyncio.gather(coro, coro), "runs:", runs)
    task = asyncio.create_task(once())
    print("same task twice:", await asyncio.gather(task, task, once()), "runs:", runs)
asyncio.run(main())
