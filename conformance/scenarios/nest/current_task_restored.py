# current_task() inside a nested run is the nested task, and the outer task again afterwards.
import asyncio
import nest_asyncio
nest_asyncio.apply()
async def inner():
    asyncio.current_task().set_name("inner-task")
    print("inside nested run:", asyncio.current_task().get_name())
    await asyncio.sleep(0.01)
    print("inside after sleep:", asyncio.current_task().get_name())
async def outer():
    asyncio.current_task().set_name("outer-task")
    print("before:", asyncio.current_task().get_name())
    asyncio.run(inner())
    print("after:", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print("after a yield:", asyncio.current_task().get_name())
asyncio.run(outer())
