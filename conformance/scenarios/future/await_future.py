# A task waits on a future until a timer resolves it; other tasks run meanwhile.
import asyncio
async def waiter(fut, name):
    print(name, "waits")
    value = await fut
    print(name, "got", value)
    return value * 2
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t1 = asyncio.create_task(waiter(fut, "w1"))
    t2 = asyncio.create_task(waiter(fut, "w2"))
    loop.call_later(0.01, fut.set_result, 21)
    print("main waits for both")
    print("results:", await t1, await t2)
asyncio.run(main())
