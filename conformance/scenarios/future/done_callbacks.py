# Done callbacks are scheduled with call_soon, in the order they were added, never called at once.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1 sees result", f.result()))
    fut.add_done_callback(lambda f: print("callback 2, same future:", f is fut))
    loop.call_soon(print, "call_soon before set_result")
    fut.set_result("value")
    print("set_result returned")
    loop.call_soon(print, "call_soon after set_result")
    fut.add_done_callback(lambda f: print("callback 3, added when done"))
    print("add_done_callback on a done future returned")
    await asyncio.sleep(0)
    print("after one turn")
    await asyncio.sleep(0)
    print("after two turns")
asyncio.run(main())
