# Cancelling a task that is ready to run (not waiting on a future) throws at its next step.
import asyncio
async def child():
    print("child step 1")
    try:
        await asyncio.sleep(0)
        print("never printed")
    except asyncio.CancelledError as e:
        print("child step 2 got CancelledError", e.args)
        raise
async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0)
    print("cancel:", t.cancel("now"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", e.args, "cancelled:", t.cancelled())
asyncio.run(main())
