# Cancelling the task that awaits gather cancels the gather and all its children.
import asyncio
async def child(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def parent():
    try:
        return await asyncio.gather(child("fast", 0.01), child("slow", 1), child("slower", 2))
    except asyncio.CancelledError:
        print("parent cancelled")
        raise
async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: parent cancelled:", t.cancelled())
asyncio.run(main())
