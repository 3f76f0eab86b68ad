# An input's exception is raised when its turn comes; the rest can still be awaited.
import asyncio
async def child(v, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(v)
    return v
async def main():
    for aw in asyncio.as_completed([child("a", 0.02), child("b", 0.01, True), child("c", 0.03)]):
        try:
            print("got", await aw)
        except ValueError as e:
            print("raised", e)
asyncio.run(main())
