# A coroutine that catches CancelledError and returns normally: the task is not cancelled.
import asyncio
async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("caught CancelledError", e.args)
        await asyncio.sleep(0.01)
        print("cleaned up")
    return "finished anyway"
async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("cancel:", t.cancel("please stop"))
    print("cancelling:", t.cancelling())
    print("result:", await t)
    print("cancelled:", t.cancelled(), "cancelling:", t.cancelling())
asyncio.run(main())
