# After apply(), a nested asyncio.run() runs its coroutine on the running loop and returns its value.
import asyncio
import nest_asyncio
nest_asyncio.apply()
async def inner(x):
    await asyncio.sleep(0.01)
    return x * 2
async def outer():
    loop = asyncio.get_running_loop()
    value = asyncio.run(inner(21))
    print("nested run returned", value)
    print("same loop still running:", asyncio.get_running_loop() is loop, loop.is_running())
    return value + 1
print("outer returned", asyncio.run(outer()))
