# cancel() on a pending future: True once, then False; result() and exception() raise CancelledError.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback: cancelled", f.cancelled()))
    print("cancel:", fut.cancel("stop it"))
    print("cancel again:", fut.cancel("ignored"))
    print("done:", fut.done(), "cancelled:", fut.cancelled())
    for name, call in [("result", fut.result), ("exception", fut.exception)]:
        try:
            call()
        except asyncio.CancelledError as e:
            print(name, "raised CancelledError", e.args)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set_result on cancelled: InvalidStateError:", e)
    try:
        await fut
    except asyncio.CancelledError as e:
        print("await raised CancelledError", e.args)
asyncio.run(main())
