# A task that fails while asyncio.run cancels it at shutdown is reported to the exception handler.
import asyncio
async def bad_cleanup():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError("cleanup failed")
async def main():
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: print("handler:", ctx["message"], "|", type(ctx["exception"]).__name__, ctx["exception"], "| has task:", "task" in ctx))
    asyncio.create_task(bad_cleanup())
    await asyncio.sleep(0)
    print("main returns")
asyncio.run(main())
print("run returned normally")
