# Tasks failing in the same turn all land in the ExceptionGroup, in the order they failed.
import asyncio
async def fails(gate, v):
    await gate
    raise ValueError(v)
async def main():
    gate = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, gate.set_result, None)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(gate, "x"))
            tg.create_task(fails(gate, "y"))
    except BaseExceptionGroup as eg:
        print(type(eg).__name__, "|", eg, "|", [type(e).__name__ + ":" + str(e) for e in eg.exceptions])
asyncio.run(main())
