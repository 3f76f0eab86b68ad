# While a nested run waits, the loop's other tasks keep running.
import asyncio
import nest_asyncio
nest_asyncio.apply()
async def ticker():
    for i in range(3):
        await asyncio.sleep(0.02)
        print("ticker", i)
async def inner():
    print("inner starts")
    await asyncio.sleep(0.05)
    print("inner ends")
    return "inner"
async def outer():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("nested run returned", asyncio.run(inner()))
    await t
    print("outer ends")
asyncio.run(outer())
