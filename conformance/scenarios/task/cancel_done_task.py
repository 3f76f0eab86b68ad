# cancel() on a finished task returns False and changes nothing.
import asyncio
async def quick():
    return 5
async def main():
    t = asyncio.create_task(quick())
    await t
    print("cancel:", t.cancel(), "cancelled:", t.cancelled(), "cancelling:", t.cancelling(), "result:", t.result())
asyncio.run(main())
