# current_task() is the task whose step is running; None in a plain callback.
import asyncio
async def child():
    t = asyncio.current_task()
    print("in child:", t.get_name())
    await asyncio.sleep(0)
    print("in child after a yield:", asyncio.current_task() is t)
async def main():
    me = asyncio.current_task()
    me.set_name("main-task")
    print("in main:", me.get_name())
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("in a callback:", asyncio.current_task()))
    t = asyncio.create_task(child(), name="child-task")
    await t
    print("back in main:", asyncio.current_task() is me)
    print("task's coroutine is a coroutine:", asyncio.iscoroutine(t.get_coro()))
asyncio.run(main())
