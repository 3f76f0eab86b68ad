# cancelling() counts cancel requests; uncancel() counts them down (never below zero).
import asyncio
async def child():
    for i in range(3):
        try:
            await asyncio.sleep(0.05)
        except asyncio.CancelledError:
            t = asyncio.current_task()
            print("child cancelled, cancelling:", t.cancelling())
            print("uncancel ->", t.uncancel())
    return "child survived"
async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0)
    print("cancel:", t.cancel(), t.cancel(), "cancelling:", t.cancelling())
    await asyncio.sleep(0)
    print("after one step, cancelling:", t.cancelling())
    t.cancel()
    await asyncio.sleep(0)
    print("cancelling:", t.cancelling())
    print("result:", await t)
    print("done, cancelling:", t.cancelling(), "uncancel at zero ->", t.uncancel(), t.uncancel())
asyncio.run(main())
