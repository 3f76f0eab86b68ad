# shield() of a future that is already done returns that very future.
import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(3)
    s = asyncio.shield(fut)
    print("same future:", s is fut, "result:", await s)
asyncio.run(main())
