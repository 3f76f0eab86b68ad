# Runs nest more than one level deep.
import asyncio
import nest_asyncio
nest_asyncio.apply()
async def level(n):
    print("enter level", n)
    await asyncio.sleep(0.01)
    if n < 3:
        r = asyncio.run(level(n + 1))
    else:
        r = 0
    print("leave level", n)
    return r + n
print("sum:", asyncio.run(level(1)))
