# reschedule() moves the deadline; when() reports it; None disables it.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            cm.reschedule(loop.time() + 0.01)
            print("rescheduled to +0.01:", round(cm.when() - t0, 2))
            await asyncio.sleep(0.005)
            cm.reschedule(loop.time() + 0.015)
            print("pushed back to", round(cm.when() - t0, 2))
            await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError at", round(loop.time() - t0, 2), "expired:", cm.expired())
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.02)
    print("disabled: no timeout at", round(loop.time() - t0, 2), "expired:", cm.expired())
asyncio.run(main())
