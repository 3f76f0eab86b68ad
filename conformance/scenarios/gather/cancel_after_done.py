# Cancelling a gather whose children are all done returns False; its result stands.
import asyncio
async def child(v):
    return v
async def main():
    g = asyncio.gather(child(1), child(2))
    print("result:", await g)
    print("cancel:", g.cancel(), "result:", g.result())
asyncio.run(main())
