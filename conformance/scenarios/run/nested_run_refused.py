# The notebook's first cell: asyncio.run() inside a running loop (as in Jupyter) is refused.
import asyncio
async def main():
    print("Hello")
    await asyncio.sleep(0.01)
    print("World")
async def kernel_cell():
    coro = main()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        coro.close()
        print(f"RuntimeError: {e}")
    print("the cell goes on, loop running:", asyncio.get_running_loop().is_running())
asyncio.run(kernel_cell())
asyncio.run(main())
