# wait_for with a timeout of 0 on a coroutine: it is cancelled before it runs.
import asyncio
async def body():
    print("body runs (never printed)")
    return 1
async def main():
    try:
        await asyncio.wait_for(body(), 0)
    except TimeoutError:
        print("TimeoutError at once")
    task = asyncio.create_task(body())
    try:
        await asyncio.wait_for(task, 0)
    except TimeoutError:
        print("task cancelled:", task.cancelled())
asyncio.run(main())
