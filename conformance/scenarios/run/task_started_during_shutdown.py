# A task started by another task's cleanup during asyncio.run's shutdown is not run to the
# end: asyncio reports it, when it is destroyed, as "Task was destroyed but it is pending!".
import asyncio
messages = []
async def late():
    print("late task starts")
    await asyncio.sleep(1)
    print("late task ends")
async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background cleanup starts a task")
        asyncio.get_running_loop().create_task(late(), name="late")
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, ctx: messages.append(ctx["message"] + " " + ctx["task"].get_name()))
    asyncio.create_task(background())
    await asyncio.sleep(0.01)
    print("main returns")
asyncio.run(main())
import gc; gc.collect()
print("after run:", messages)
