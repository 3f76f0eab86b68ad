# A KeyboardInterrupt raised in a task escapes asyncio.run at once (a BaseException): main,
# still sleeping, is then cancelled by the shutdown.
import asyncio
async def interrupter():
    await asyncio.sleep(0.01)
    print("interrupter raises KeyboardInterrupt")
    raise KeyboardInterrupt("from a task")
async def main():
    t = asyncio.create_task(interrupter())
    try:
        await asyncio.sleep(1)
        print("main slept")
    except asyncio.CancelledError:
        print("main cancelled by the shutdown")
        raise
    finally:
        print("main's finally runs")
try:
    asyncio.run(main())
except KeyboardInterrupt as e:
    print("asyncio.run raised KeyboardInterrupt", e.args)
