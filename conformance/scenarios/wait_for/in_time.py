# wait_for returns the result when it arrives in time; a timeout of None waits for ever.
import asyncio
async def value(v, d):
    await asyncio.sleep(d)
    return v
async def main():
    print(await asyncio.wait_for(value("fast", 0.01), 0.1))
    print(await asyncio.wait_for(value("no timeout", 0.02), None))
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("already done")
    print(await asyncio.wait_for(fut, 0))
asyncio.run(main())
