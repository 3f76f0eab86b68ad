# A future's states: pending, then finished once; result() and exception() in each state.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done:", fut.done(), "cancelled:", fut.cancelled())
    for name, call in [("result", fut.result), ("exception", fut.exception)]:
        try:
            call()
        except asyncio.InvalidStateError as e:
            print(name, "InvalidStateError:", e)
    fut.set_result(42)
    print("done:", fut.done(), "result:", fut.result(), "exception:", fut.exception())
    for name, call in [("set_result", lambda: fut.set_result(1)), ("set_exception", lambda: fut.set_exception(ValueError())), ]:
        try:
            call()
        except asyncio.InvalidStateError as e:
            print(name, "InvalidStateError:", e)
    print("cancel a done future:", fut.cancel(), "result still:", fut.result())
asyncio.run(main())
