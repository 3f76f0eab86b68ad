# Cancelling a waiting task twice: the future it waits on is cancelled with the first message.
import asyncio
async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("child got", e.args)
        raise
async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0)
    print(t.cancel("first"), t.cancel("second"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", e.args)
    print("cancelled:", t.cancelled())
asyncio.run(main())
