# sleep(0) and negative delays give up the turn exactly once.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback 1")
    await asyncio.sleep(0)
    print("after sleep(0)")
    loop.call_soon(print, "callback 2")
    await asyncio.sleep(-5)
    print("after sleep(-5)")
    loop.call_soon(print, "callback 3")
    loop.call_soon(lambda: loop.call_soon(print, "callback 3, next iteration"))
    await asyncio.sleep(0)
    print("after sleep(0) again")
    await asyncio.sleep(0)
    print("after another sleep(0)")
asyncio.run(main())
