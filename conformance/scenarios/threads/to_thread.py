# to_thread and run_in_executor: results in argument order, the loop keeps running while a
# thread works, an exception keeps its class and message, and a cancelled waiter is cancelled
# while the call it waited for finishes on its thread.
import asyncio, time
def square(x):
    return x * x
def label(name, seconds):
    time.sleep(seconds)
    return f"done {name}"
def fail(message):
    raise RuntimeError(message)
async def main():
    loop = asyncio.get_running_loop()
    print("square:", await asyncio.to_thread(square, 7))
    print("executor:", await loop.run_in_executor(None, square, 5))
    print("gathered:", await asyncio.gather(
        asyncio.to_thread(label, "a", 0.15),
        asyncio.to_thread(label, "b", 0.05),
        asyncio.to_thread(label, "c", 0.1)))
    async def ticker():
        await asyncio.sleep(0)
        print("tick while the thread works")
    tick = asyncio.create_task(ticker())
    print(await asyncio.to_thread(label, "slow", 0.3))
    await tick
    try:
        await asyncio.to_thread(fail, "boom")
    except RuntimeError as e:
        print("caught:", type(e).__name__, e)
    waiter = asyncio.create_task(asyncio.to_thread(label, "cancelled", 0.2))
    await asyncio.sleep(0)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter cancelled:", waiter.cancelled())
asyncio.run(main())
