# Condition: notify(n) and notify_all wake waiters in FIFO order, each returning once it holds
# the lock again; wait_for re-checks its predicate; the errors without the lock.
import asyncio
async def main():
    cond = asyncio.Condition()
    async def waiter(n):
        async with cond:
            print(n, "wait ->", await cond.wait(), "locked:", cond.locked())
    tasks = [asyncio.create_task(waiter(n)) for n in (1, 2, 3, 4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        print("notified 1")
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        print("notified 2")
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
        print("notified all")
    for t in tasks:
        await t
    items = []
    async def consumer():
        async with cond:
            got = await cond.wait_for(lambda: len(items) >= 2 and list(items))
            print("consumer got", got)
    c = asyncio.create_task(consumer())
    for i in range(3):
        await asyncio.sleep(0.01)
        async with cond:
            items.append(i)
            cond.notify()
            print("added", i)
    await c
    print("wait_for true at once:", await cond.wait_for(lambda: "yes"))
    for what, call in (("wait", cond.wait()), ("wait_for", cond.wait_for(lambda: False))):
        try:
            await call
        except RuntimeError as e:
            print(what, "RuntimeError:", e)
    for what, call in (("notify", cond.notify), ("notify_all", cond.notify_all)):
        try:
            call()
        except RuntimeError as e:
            print(what, "RuntimeError:", e)
asyncio.run(main())
