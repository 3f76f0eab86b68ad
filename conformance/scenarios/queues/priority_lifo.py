# PriorityQueue orders numbers, strings and tuples as Python compares them, ties in heapq's
# order; incomparable items raise TypeError; LifoQueue is last in, first out; the no-wait
# forms raise QueueEmpty and QueueFull.
import asyncio
class Job:
    def __init__(self, p, name):
        self.p = p
        self.name = name
    def __lt__(self, other):
        return self.p < other.p
async def main():
    pq = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (1, "a"), (3,), (1, "a", 0), (0, "x", "y")]:
        await pq.put(item)
    print("tuples:", [pq.get_nowait() for _ in range(pq.qsize())])
    for s in ["pear", "Apple", "apple", "apple pie", ""]:
        pq.put_nowait(s)
    print("strings:", [pq.get_nowait() for _ in range(pq.qsize())])
    for n in [3, -1, 2.5, True, 0]:
        pq.put_nowait(n)
    print("numbers:", [pq.get_nowait() for _ in range(pq.qsize())])
    jobs = asyncio.PriorityQueue()
    for i, p in enumerate([3, 1, 1, 2, 1, 3, 2, 1, 2, 1]):
        jobs.put_nowait(Job(p, f"j{i}"))
    print("ties:", [jobs.get_nowait().name for _ in range(jobs.qsize())])
    pq.put_nowait(1)
    try:
        pq.put_nowait("a")
    except TypeError as e:
        print("TypeError:", e)
    # As heapq does, the item that failed to compare stays in the queue (unfinished uncounted).
    print("qsize:", pq.qsize(), "unfinished:", pq._unfinished_tasks, "first:", pq.get_nowait())
    pq = asyncio.PriorityQueue()
    pq.put_nowait((1, "x"))
    try:
        pq.put_nowait((1, 2))
    except TypeError as e:
        print("TypeError:", e)
    lq = asyncio.LifoQueue(3)
    for i in (1, 2, 3):
        await lq.put(i)
    print("lifo full:", lq.full(), [await lq.get() for _ in range(3)])
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(type(e).__name__, repr(str(e)))
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print(type(e).__name__, repr(str(e)))
    print("maxsize:", q.maxsize, asyncio.Queue().maxsize, "unbounded full:", asyncio.Queue(-1).full())
asyncio.run(main())
