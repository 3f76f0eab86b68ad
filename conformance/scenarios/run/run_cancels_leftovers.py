# When main returns, asyncio.run cancels the tasks still pending and waits for them.
# (They are cancelled in the order of a set, which asyncio leaves undefined: print them sorted.)
import asyncio
cancelled = []
async def leftover(name, catch):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        cancelled.append(f"{name} {e.args}")
        if catch:
            await asyncio.sleep(0)
            print(name, "cleanup finished, loop running:", asyncio.get_running_loop().is_running())
            return
        raise
async def main():
    asyncio.create_task(leftover("first", False))
    asyncio.create_task(leftover("second", True))
    asyncio.create_task(leftover("third", False))
    await asyncio.sleep(0)
    print("main returns")
    return "main result"
print("run returned:", asyncio.run(main()))
print("cancelled at shutdown:", sorted(cancelled))
