# An exception in a callback goes to the exception handler; the loop goes on.
import asyncio
loop = asyncio.new_event_loop()
def handler(loop_, ctx):
    print("handler: same loop:", loop_ is loop)
    print("message starts:", ctx["message"].split(" ")[0:3])
    print("exception:", type(ctx["exception"]).__name__, ctx["exception"])
    print("has handle:", "handle" in ctx)
def boom():
    raise ValueError("boom")
print("default handler set:", loop.get_exception_handler() is None)
loop.set_exception_handler(handler)
print("handler set:", loop.get_exception_handler() is handler)
loop.call_soon(boom)
loop.call_soon(print, "next callback still runs")
loop.call_later(0.01, boom)
loop.call_later(0.02, loop.stop)
loop.run_forever()
loop.set_exception_handler(None)
print("handler reset:", loop.get_exception_handler() is None)
loop.close()
