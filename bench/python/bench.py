"""CPython asyncio rows of the asyncio-ts benchmark (bench/src/cli.ts runs this).

Usage: python3 bench.py WORKLOAD IMPL[,IMPL...] --n N [--span SECONDS] [--quick]

Prints one JSON object on stdout, one entry per IMPL:
  {"IMPL": {"samples_ms": [...], "metrics": {"name": [...]}, "result_ok": true}}
  or {"IMPL": {"error": "..."}}
Each sample is one run of the workload measured with time.perf_counter; a first
run (checked for the right result) warms up, then the measured runs follow.
Memory (W7) is measured with tracemalloc: bytes traced per pending object.
"""

import argparse
import asyncio
import contextvars
import gc
import json
import sys
import time
import tracemalloc

# W5 nests 10,000 coroutines; CPython's default limit is 1,000 frames.
sys.setrecursionlimit(100_000)


# ---------------------------------------------------------------- W1 spawn+gather

async def _w1_child(i):
    await asyncio.sleep(0)
    return i


async def _w1_main(n):
    return await asyncio.gather(*[_w1_child(i) for i in range(n)])


def w1_gather(n, _span):
    result = asyncio.run(_w1_main(n))
    return result == list(range(n)), {}


# ---------------------------------------------------------------- C1 W1 with a ContextVar set

_request_id = contextvars.ContextVar("request_id")


async def _c1_main(n):
    _request_id.set("r-1")
    results = await asyncio.gather(*[_w1_child(i) for i in range(n)])
    assert _request_id.get() == "r-1"
    return results


def c1_gather_contextvar(n, _span):
    result = asyncio.run(_c1_main(n))
    return result == list(range(n)), {}


# ---------------------------------------------------------------- W2 call_soon

async def _w2_main(n):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    count = 0

    def callback():
        nonlocal count
        count += 1
        if count == n:
            done.set_result(count)

    for _ in range(n):
        loop.call_soon(callback)
    return await done


def w2_call_soon(n, _span):
    return asyncio.run(_w2_main(n)) == n, {}


# ---------------------------------------------------------------- W3 timers

async def _w3_call_later(n, span):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    t0 = time.perf_counter()
    state = {"fired": 0, "late": 0.0, "last": 0.0}

    def fire(due):
        now = time.perf_counter()
        state["late"] += now - due
        state["fired"] += 1
        if state["fired"] == n:
            state["last"] = now
            done.set_result(None)

    for i in range(n):
        delay = (i + 1) / n * span
        loop.call_later(delay, fire, time.perf_counter() + delay)
    await done
    return state["fired"] == n, {
        "overhead_ms": (state["last"] - t0 - span) * 1000,
        "lateness_ms": state["late"] / n * 1000,
    }


def w3_call_later(n, span):
    return asyncio.run(_w3_call_later(n, span))


async def _w3_sleep_tasks(n, span):
    t0 = time.perf_counter()
    state = {"late": 0.0, "last": 0.0}

    async def sleeper(delay):
        due = time.perf_counter() + delay
        await asyncio.sleep(delay)
        now = time.perf_counter()
        state["late"] += now - due
        state["last"] = max(state["last"], now)
        return 1

    results = await asyncio.gather(*[sleeper((i + 1) / n * span) for i in range(n)])
    return sum(results) == n, {
        "overhead_ms": (state["last"] - t0 - span) * 1000,
        "lateness_ms": state["late"] / n * 1000,
    }


def w3_sleep_tasks(n, span):
    return asyncio.run(_w3_sleep_tasks(n, span))


# ---------------------------------------------------------------- W4 ping-pong

async def _w4_main(n):
    loop = asyncio.get_running_loop()
    boxes = [loop.create_future(), loop.create_future()]

    async def player(me, other):
        while True:
            value = await boxes[me]
            boxes[me] = loop.create_future()
            if value >= n:
                if not boxes[other].done():
                    boxes[other].set_result(value)
                return value
            boxes[other].set_result(value + 1)

    a = asyncio.create_task(player(0, 1))
    b = asyncio.create_task(player(1, 0))
    boxes[0].set_result(0)
    return await asyncio.gather(a, b)


def w4_futures(n, _span):
    return asyncio.run(_w4_main(n)) == [n, n], {}


# ---------------------------------------------------------------- W5 deep await chain

async def _w5_nest(depth):
    if depth == 0:
        await asyncio.sleep(0)
        return 0
    return (await _w5_nest(depth - 1)) + 1


def w5_nested(n, _span):
    return asyncio.run(_w5_nest(n)) == n, {}


# ---------------------------------------------------------------- W6 cancellation

async def _w6_main(n):
    tasks = [asyncio.create_task(asyncio.sleep(3600)) for _ in range(n)]
    await asyncio.sleep(0)  # every task is now suspended in its sleep
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    return sum(1 for r in results if isinstance(r, asyncio.CancelledError))


def w6_cancel(n, _span):
    return asyncio.run(_w6_main(n)) == n, {}


# ---------------------------------------------------------------- L1 lock

L1_TASKS = 10


async def _l1_main(rounds):
    lock = asyncio.Lock()
    count = 0

    async def worker():
        nonlocal count
        for _ in range(rounds):
            await lock.acquire()
            await asyncio.sleep(0)
            count += 1
            lock.release()

    await asyncio.gather(*[worker() for _ in range(L1_TASKS)])
    return count


def l1_lock(n, _span):
    return asyncio.run(_l1_main(n)) == n * L1_TASKS, {}


# ---------------------------------------------------------------- Q1 queue

async def _q1_main(n):
    queue = asyncio.Queue(100)
    each = n // 4
    total = 0

    async def producer():
        for i in range(each):
            await queue.put(i)

    async def consumer():
        nonlocal total
        for _ in range(n // 4):
            item = await queue.get()
            total += item

    await asyncio.gather(*[producer() for _ in range(4)], *[consumer() for _ in range(4)])
    return total


def q1_queue(n, _span):
    each = n // 4
    return asyncio.run(_q1_main(n)) == 4 * each * (each - 1) // 2, {}


# ---------------------------------------------------------------- T1, T2 to_thread

def _add(a, b):
    return a + b


async def _t1_main(n):
    total = 0
    for start in range(0, n, 100):
        calls = [asyncio.to_thread(_add, i, 1) for i in range(start, min(n, start + 100))]
        total += sum(await asyncio.gather(*calls))
    return total


def t1_to_thread(n, _span):
    return asyncio.run(_t1_main(n)) == n * (n - 1) // 2 + n, {}


def _burn(rounds):
    x = 1
    for _ in range(rounds):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
    return x


def _rounds_for(span):
    """The rounds of _burn that take about `span` seconds on one core (fixed work, not time)."""
    rounds = 10_000
    while True:
        t = time.perf_counter()
        _burn(rounds)
        elapsed = time.perf_counter() - t
        if elapsed >= 0.05:
            return max(1, round(rounds * span / elapsed))
        rounds *= 4


async def _t2_main(calls, span):
    state = {"last": 0.0, "gap": 0.0, "ticking": True}

    async def ticker():
        while state["ticking"]:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            state["gap"] = max(state["gap"], now - state["last"])
            state["last"] = now

    # Calibrated before the ticker starts: it blocks the loop.
    rounds = _rounds_for(span)
    state["last"] = time.perf_counter()
    tick = asyncio.create_task(ticker())
    await asyncio.to_thread(_burn, 1)
    t = time.perf_counter()
    for _ in range(calls):
        await asyncio.to_thread(_burn, rounds)
    sequential = time.perf_counter() - t
    t = time.perf_counter()
    await asyncio.gather(*(asyncio.to_thread(_burn, rounds) for _ in range(calls)))
    gathered = time.perf_counter() - t
    state["ticking"] = False
    await tick
    return sequential, gathered, state["gap"]


def t2_to_thread(n, span):
    sequential, gathered, gap = asyncio.run(_t2_main(n, span))
    return sequential > 0, {
        "sequential_ms": sequential * 1000,
        "gathered_ms": gathered * 1000,
        "ratio": gathered / sequential,
        "max_gap_ms": gap * 1000,
    }


# ---------------------------------------------------------------- W7 memory

async def _w7_tasks(n, kind):
    loop = asyncio.get_running_loop()
    never = loop.create_future()
    held = [None] * n

    async def waiter():
        await never

    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    if kind == "task":
        for i in range(n):
            held[i] = loop.create_task(waiter())
    else:
        for i in range(n):
            held[i] = loop.create_task(asyncio.sleep(3600))
    await asyncio.sleep(0)  # every task has started and is suspended
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    for task in held:
        task.cancel()
    await asyncio.gather(*held, return_exceptions=True)
    return (after - before) / n


async def _w7_timers(n):
    loop = asyncio.get_running_loop()
    held = [None] * n

    def callback():
        pass

    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        held[i] = loop.call_later(3600, callback)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    for handle in held:
        handle.cancel()
    return (after - before) / n


async def _w7_lock_waiters(n):
    lock = asyncio.Lock()
    await lock.acquire()
    loop = asyncio.get_running_loop()
    held = [None] * n
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        held[i] = loop.create_task(lock.acquire())
    await asyncio.sleep(0)  # every task waits in lock.acquire()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    for task in held:
        task.cancel()
    await asyncio.gather(*held, return_exceptions=True)
    return (after - before) / n


async def _w7_queued_items(n):
    queue = asyncio.Queue()
    items = list(range(n))  # the items exist before: only the queue's cost is measured
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for item in items:
        queue.put_nowait(item)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    return (after - before) / n


def w7(kind):
    def measure(n, _span):
        tracemalloc.start()
        try:
            if kind == "timer":
                per = asyncio.run(_w7_timers(n))
            elif kind == "lock_waiter":
                per = asyncio.run(_w7_lock_waiters(n))
            elif kind == "queued_item":
                per = asyncio.run(_w7_queued_items(n))
            else:
                per = asyncio.run(_w7_tasks(n, kind))
        finally:
            tracemalloc.stop()
        return per > 0, {"bytes": per}

    return measure


# ---------------------------------------------------------------- S1/S2 streams, P1 subprocess

class OptionalMissing(Exception):
    """A peer library (uvloop) is not installed: its row is not measured, not failed."""


def _uvloop_run(coro):
    # Debian's python3-uvloop lives outside the pyenv interpreter's path.
    if "/usr/lib/python3/dist-packages" not in sys.path:
        sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import uvloop
    except ImportError:
        coro.close()
        raise OptionalMissing("uvloop is not installed (apt-get install python3-uvloop)") from None
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro)


async def _s1_echo(reader, writer):
    while True:
        data = await reader.read(65536)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()


async def _s1_main(n):
    server = await asyncio.start_server(_s1_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    message = b"x" * 100
    done = 0
    for _ in range(n):
        writer.write(message)
        await writer.drain()
        reply = await reader.readexactly(100)
        if len(reply) == 100:
            done += 1
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return done


def s1_streams(n, _span):
    return asyncio.run(_s1_main(n)) == n, {}


def s1_uvloop(n, _span):
    return _uvloop_run(_s1_main(n)) == n, {}


async def _s2_count(reader, writer):
    total = 0
    while True:
        data = await reader.read(65536)
        if not data:
            break
        total += len(data)
    writer.write(str(total).encode())
    writer.close()


async def _s2_main(kib):
    server = await asyncio.start_server(_s2_count, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    chunk = b"\x01" * 65536
    sent = 0
    while sent < kib * 1024:
        writer.write(chunk)
        await writer.drain()
        sent += len(chunk)
    writer.write_eof()
    count = int(await reader.read())
    writer.close()
    server.close()
    await server.wait_closed()
    return count


def s2_streams(n, _span):
    return asyncio.run(_s2_main(n)) == n * 1024, {}


def s2_uvloop(n, _span):
    return _uvloop_run(_s2_main(n)) == n * 1024, {}


async def _p1_main(n):
    state = {"next": 0, "ok": 0}

    async def worker():
        while state["next"] < n:
            state["next"] += 1
            proc = await asyncio.create_subprocess_exec("true")
            if await proc.wait() == 0:
                state["ok"] += 1

    await asyncio.gather(*[worker() for _ in range(20)])
    return state["ok"]


def p1_subprocess(n, _span):
    return asyncio.run(_p1_main(n)) == n, {}


WORKLOADS = {
    ("W1", "gather"): w1_gather,
    ("W2", "call_soon"): w2_call_soon,
    ("W3", "call_later"): w3_call_later,
    ("W3", "sleep_tasks"): w3_sleep_tasks,
    ("W4", "futures"): w4_futures,
    ("W5", "nested"): w5_nested,
    ("W6", "cancel"): w6_cancel,
    ("W7", "task"): w7("task"),
    ("W7", "sleeping_task"): w7("sleeping_task"),
    ("W7", "timer"): w7("timer"),
    ("W7", "lock_waiter"): w7("lock_waiter"),
    ("W7", "queued_item"): w7("queued_item"),
    ("L1", "lock"): l1_lock,
    ("Q1", "queue"): q1_queue,
    ("C1", "gather"): w1_gather,
    ("C1", "gather_contextvar"): c1_gather_contextvar,
    ("S1", "streams"): s1_streams,
    ("S1", "uvloop"): s1_uvloop,
    ("S2", "streams"): s2_streams,
    ("S2", "uvloop"): s2_uvloop,
    ("P1", "subprocess"): p1_subprocess,
    ("T1", "to_thread"): t1_to_thread,
    ("T2", "to_thread"): t2_to_thread,
}

# A first run longer than this is its own warm-up, and only SLOW_RUNS more follow.
SLOW_SECONDS = 2.0
SLOW_RUNS = 3
# A first run longer than this is the row's only sample.
VERY_SLOW_SECONDS = 10.0


def measure(fn, args):
    def once():
        t = time.perf_counter()
        c = time.process_time()
        ok, metrics = fn(args.n, args.span)
        elapsed = (time.perf_counter() - t) * 1000
        if not ok:
            raise AssertionError(f"{args.workload}: wrong result")
        # CPU time of the process (every thread): steadier than wall time on a shared machine.
        return elapsed, {**metrics, "cpu_ms": (time.process_time() - c) * 1000}

    samples, metrics = [], {}

    def record(elapsed, m):
        samples.append(elapsed)
        for key, value in m.items():
            metrics.setdefault(key, []).append(value)

    first, first_metrics = once()
    if args.quick or first > VERY_SLOW_SECONDS * 1000:
        record(first, first_metrics)
    elif args.workload == "W7":
        # Memory is not timed: the first run counts, as many runs as asked in all.
        record(first, first_metrics)
        for _ in range(args.runs - 1):
            record(*once())
    else:
        runs = SLOW_RUNS if first > SLOW_SECONDS * 1000 else args.runs
        spent = 0.0
        while len(samples) < runs or spent < args.budget * 1000:
            elapsed, m = once()
            record(elapsed, m)
            spent += elapsed
            if len(samples) >= 1000:
                break
    return {"samples_ms": samples, "metrics": metrics, "result_ok": True}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workload")
    parser.add_argument("impls", help="comma-separated implementation names")
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--span", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=3.0, help="seconds of measured runs at least")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    out = {}
    for impl in args.impls.split(","):
        fn = WORKLOADS.get((args.workload, impl))
        if fn is None:
            out[impl] = {"error": f"unknown workload/impl: {args.workload} {impl}"}
            continue
        try:
            out[impl] = measure(fn, args)
        except OptionalMissing as missing:  # a peer that is not installed here: not measured
            out[impl] = {"error": f"optional: {missing}"}
        except Exception as error:  # reported in the table, not swallowed
            out[impl] = {"error": f"{type(error).__name__}: {error}"}
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
