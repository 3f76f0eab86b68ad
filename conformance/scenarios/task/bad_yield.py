# A coroutine that yields something that is not a future gets a RuntimeError thrown into it.
import asyncio
class BadAwaitable:
    def __await__(self):
        yield 42
async def child():
    try:
        await BadAwaitable()
    except RuntimeError as e:
        print("child got RuntimeError:", e)
        return "recovered"
async def main():
    print("result:", await asyncio.create_task(child()))
asyncio.run(main())
