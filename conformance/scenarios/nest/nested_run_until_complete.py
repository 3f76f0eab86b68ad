# After apply(), loop.run_until_complete() may be called from inside a task on that loop.
import asyncio
import nest_asyncio
async def inner():
    await asyncio.sleep(0.01)
    return "inner value"
async def outer(loop):
    print("outer calls run_until_complete")
    print("got", loop.run_until_complete(inner()))
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future value")
    print("got", loop.run_until_complete(fut))
    return "outer value"
loop = asyncio.new_event_loop()
nest_asyncio.apply(loop)
print(loop.run_until_complete(outer(loop)))
loop.close()
