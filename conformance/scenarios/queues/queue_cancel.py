# Cancellation while blocked: a getter or putter cancelled as it is woken loses no item and
# passes its wake-up on; timeouts leave no waiter behind.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    # A getter cancelled before any item: the other getter gets it.
    q = asyncio.Queue()
    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    await q.put("a")
    print("t1 cancelled:", t1.cancelled(), "t2:", await t2)
    # A woken getter cancelled at once: the item stays, a retry gets it.
    q = asyncio.Queue()
    reader = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader.cancel()
    try:
        await reader
    except asyncio.CancelledError:
        print("reader cancelled, qsize:", q.qsize())
        reader = asyncio.create_task(q.get())
        print("retry got:", await reader)
    # Three readers, the first woken one cancelled: the other two get both items.
    q = asyncio.Queue()
    readers = [asyncio.create_task(q.get()) for _ in range(3)]
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    readers[0].cancel()
    got = []
    for r in readers:
        try:
            got.append(await r)
        except asyncio.CancelledError:
            got.append("cancelled")
    print("readers:", got)
    # A woken putter cancelled at once: nothing is put, a retry puts.
    q = asyncio.Queue(1)
    q.put_nowait(1)
    writer = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print("took:", q.get_nowait())
    writer.cancel()
    try:
        await writer
    except asyncio.CancelledError:
        print("writer cancelled, qsize:", q.qsize())
        await q.put(2)
    print("then:", q.get_nowait(), "qsize:", q.qsize())
    # Putters in line, the last cancelled while still blocked.
    q = asyncio.Queue(1)
    put_a = asyncio.create_task(q.put("a"))
    put_b = asyncio.create_task(q.put("b"))
    put_c = asyncio.create_task(q.put("X"))
    await asyncio.sleep(0)
    print("a done:", put_a.done(), "b done:", put_b.done())
    put_c.cancel()
    await asyncio.sleep(0)
    print("c done:", put_c.done(), "got:", q.get_nowait())
    await asyncio.sleep(0)
    print("got:", q.get_nowait())
    await put_b
    # Timeouts while blocked.
    q = asyncio.Queue(1)
    for what, coro in (("get", q.get()), ("put", None)):
        if coro is None:
            q.put_nowait(0)
            coro = q.put(1)
        try:
            await asyncio.wait_for(coro, 0.01)
        except TimeoutError:
            print(what, "timed out, getters:", len(q._getters), "putters:", len(q._putters), "qsize:", q.qsize())
asyncio.run(main())
