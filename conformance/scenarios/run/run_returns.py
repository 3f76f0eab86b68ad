# asyncio.run returns main's result, re-raises main's exception, and closes its loop.
import asyncio
loops = []
async def answer():
    loops.append(asyncio.get_running_loop())
    await asyncio.sleep(0)
    return 42
async def fail():
    loops.append(asyncio.get_running_loop())
    raise ValueError("main failed")
print("result:", asyncio.run(answer()))
try:
    asyncio.run(fail())
except ValueError as e:
    print("raised:", e)
print("loops closed:", [l.is_closed() for l in loops], "distinct:", loops[0] is not loops[1])
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)
