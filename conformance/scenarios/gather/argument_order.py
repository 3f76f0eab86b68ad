# gather returns results in argument order, whatever order the children finish in.
import asyncio
async def child(name, d):
    print(name, "starts")
    await asyncio.sleep(d)
    print(name, "ends")
    return name.upper()
async def main():
    print(await asyncio.gather(child("a", 0.03), child("b", 0.01), child("c", 0.02)))
asyncio.run(main())
