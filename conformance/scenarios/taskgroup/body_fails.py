# An exception in the body cancels the tasks and is part of the ExceptionGroup.
import asyncio
async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child cancelled")
        raise
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0.01)
            raise ValueError("body failed")
    except BaseExceptionGroup as eg:
        print("group:", str(eg), [str(e) for e in eg.exceptions])
asyncio.run(main())
