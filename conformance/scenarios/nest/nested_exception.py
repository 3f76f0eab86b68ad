# An exception in a nested run reaches its caller; the outer run goes on.
import asyncio
import nest_asyncio
nest_asyncio.apply()
async def fails():
    await asyncio.sleep(0.01)
    raise ValueError("nested failure")
async def outer():
    asyncio.current_task().set_name("outer-task")
    try:
        asyncio.run(fails())
    except ValueError as e:
        print("caught", e)
    print("current task restored:", asyncio.current_task().get_name())
    await asyncio.sleep(0.01)
    print("outer still runs")
    return "ok"
asyncio.run(outer())
print("done")
