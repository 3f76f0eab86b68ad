# create_task schedules the task's first step with call_soon: the caller goes on first.
import asyncio
async def child(name):
    print(name, "first step")
    return name
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon before create_task")
    t = asyncio.create_task(child("child"))
    loop.call_soon(print, "call_soon after create_task")
    print("created, done:", t.done())
    print("awaited:", await t)
asyncio.run(main())
