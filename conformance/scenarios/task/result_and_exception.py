# A task's result is its coroutine's return value; an exception it raises is stored and re-raised.
import asyncio
async def ok():
    await asyncio.sleep(0)
    return "ok value"
async def fails():
    await asyncio.sleep(0)
    raise ValueError("task failed")
async def main():
    t1 = asyncio.create_task(ok())
    t2 = asyncio.create_task(fails())
    print("awaited:", await t1)
    try:
        await t2
    except ValueError as e:
        print("awaiting raised:", type(e).__name__, e)
    print("t1 result:", t1.result(), "exception:", t1.exception())
    print("t2 exception:", type(t2.exception()).__name__, t2.exception(), "cancelled:", t2.cancelled())
    try:
        t2.result()
    except ValueError as e:
        print("result() raised:", e)
asyncio.run(main())
