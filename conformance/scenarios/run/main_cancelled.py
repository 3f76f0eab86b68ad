# If the main task is cancelled, asyncio.run raises CancelledError.
import asyncio
async def main():
    me = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.01, me.cancel)
    try:
        await asyncio.sleep(1)
    finally:
        print("main's finally runs")
try:
    asyncio.run(main())
except asyncio.CancelledError as e:
    print("asyncio.run raised CancelledError")
