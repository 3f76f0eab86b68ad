# A task cancelled from outside while inside a timeout gets CancelledError, not TimeoutError.
import asyncio
async def child():
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(2)
    except TimeoutError:
        print("never: TimeoutError")
    except asyncio.CancelledError as e:
        print("child: CancelledError", e.args, "expired:", cm.expired())
        raise
async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0.01)
    t.cancel("from outside")
    try:
        await t
    except asyncio.CancelledError:
        print("main: child cancelled:", t.cancelled())
asyncio.run(main())
