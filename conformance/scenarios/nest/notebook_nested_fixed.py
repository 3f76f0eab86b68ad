# The notebook's nested-run cell: refused without nest_asyncio, then fixed by nest_asyncio.apply().
import asyncio
import nest_asyncio
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
asyncio.run(kernel_cell())
# nest_asyncio 1.5 patches the current event loop (1.6 makes one when there is none).
asyncio.set_event_loop(asyncio.new_event_loop())
nest_asyncio.apply()
async def kernel_cell_fixed():
    asyncio.run(main())
    print("cell done")
asyncio.run(kernel_cell_fixed())
