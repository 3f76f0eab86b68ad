# A Runner runs several coroutines on one loop, then closes it.
import asyncio
async def which_loop(n):
    await asyncio.sleep(0)
    return n, asyncio.get_running_loop()
with asyncio.Runner() as runner:
    a, loop_a = runner.run(which_loop(1))
    b, loop_b = runner.run(which_loop(2))
    print("results:", a, b, "same loop:", loop_a is loop_b, "is get_loop():", runner.get_loop() is loop_a)
print("closed after with:", loop_a.is_closed())
coro = which_loop(3)
try:
    runner.run(coro)
except RuntimeError as e:
    coro.close()
    print("RuntimeError:", e)
runner2 = asyncio.Runner()
print("run after close ok:", runner2.run(which_loop(4))[0])
runner2.close()
runner2.close()
print("close twice ok")
