# A task cancelled before its first step never runs its coroutine's body.
import asyncio
async def child():
    print("child body runs (never printed)")
async def main():
    t = asyncio.create_task(child())
    print("cancel:", t.cancel())
    print("cancelling:", t.cancelling(), "done:", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await raised CancelledError", e.args)
    print("cancelled:", t.cancelled(), "done:", t.done())
    print("cancel a cancelled task:", t.cancel())
asyncio.run(main())
