# An exception travels up through tasks that await each other.
import asyncio
async def level3():
    await asyncio.sleep(0.01)
    raise TypeError("deep")
async def level2():
    await asyncio.create_task(level3())
async def level1():
    try:
        await asyncio.create_task(level2())
    except TypeError as e:
        print("level1 caught", type(e).__name__, e)
        raise ValueError("wrapped")
async def main():
    try:
        await level1()
    except ValueError as e:
        print("main caught", e)
asyncio.run(main())
