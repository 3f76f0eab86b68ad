# A future that holds an exception: result() raises it, exception() returns it, await raises it.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    err = ValueError("bad value")
    fut.set_exception(err)
    print("done:", fut.done(), "cancelled:", fut.cancelled())
    print("exception() is err:", fut.exception() is err)
    try:
        fut.result()
    except ValueError as e:
        print("result() raised the same error:", e is err)
    try:
        await fut
    except ValueError as e:
        print("await raised:", type(e).__name__, e)
asyncio.run(main())
