# sleep(delay, result) returns result; delays are seconds on the loop's clock.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.sleep(0.01, "slept"))
    print(await asyncio.sleep(0, ["a", 1]))
    print(await asyncio.sleep(0.01))
    print("elapsed", round(loop.time() - t0, 2))
asyncio.run(main())
