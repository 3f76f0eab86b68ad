# call_exception_handler passes the context it is given to the handler.
import asyncio
loop = asyncio.new_event_loop()
def handler(loop_, ctx):
    print("handler got:", ctx["message"], "| exception:", type(ctx.get("exception")).__name__, ctx.get("exception"))
loop.set_exception_handler(handler)
loop.call_exception_handler({"message": "custom message"})
loop.call_exception_handler({"message": "with an exception", "exception": TypeError("k")})
loop.close()
