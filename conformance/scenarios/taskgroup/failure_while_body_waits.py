# A failing task cancels the body too; the body's cleanup runs before the group raises.
import asyncio
async def fails():
    await asyncio.sleep(0.01)
    raise ValueError("task failed")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body cancelled by the failing task")
                raise
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    print("main's task not cancelled:", asyncio.current_task().cancelling())
asyncio.run(main())
