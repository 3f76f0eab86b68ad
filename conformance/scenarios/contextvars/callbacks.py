# call_soon/call_later/call_at and done callbacks run in a copy of the context current when scheduled, or in context=.
import asyncio
import contextvars
cvar = contextvars.ContextVar("cvar", default="none")
def report(what):
    print(what, "sees", cvar.get())
    cvar.set("changed by " + what)
async def main():
    loop = asyncio.get_running_loop()
    cvar.set("one")
    loop.call_soon(report, "call_soon")
    cvar.set("two")
    loop.call_later(0.01, report, "call_later")
    cvar.set("three")
    loop.call_at(loop.time() + 0.02, report, "call_at")
    ctx = contextvars.copy_context()
    loop.call_soon(report, "explicit call_soon", context=ctx)
    loop.call_later(0.03, report, "explicit call_later", context=ctx)
    cvar.set("four")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: report("done callback"))
    fut.add_done_callback(lambda f: report("explicit done callback"), context=ctx)
    loop.call_later(0.04, fut.set_result, None)
    await asyncio.sleep(0.05)
    print("task sees", cvar.get())
    print("ctx has", ctx.get(cvar))
asyncio.run(main())
