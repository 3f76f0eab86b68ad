# remove_done_callback removes every occurrence and returns how many it removed.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    def a(f): print("a ran")
    def b(f): print("b ran")
    fut.add_done_callback(a)
    fut.add_done_callback(b)
    fut.add_done_callback(a)
    fut.add_done_callback(a)
    print("removed a:", fut.remove_done_callback(a))
    print("removed a again:", fut.remove_done_callback(a))
    fut.set_result(None)
    print("removed b after done:", fut.remove_done_callback(b))
    await asyncio.sleep(0)
    print("end")
asyncio.run(main())
