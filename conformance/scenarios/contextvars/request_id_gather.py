# A request id set by each handler task is seen by everything the handler calls, and by nobody else.
import asyncio
import contextvars
request_id = contextvars.ContextVar("request_id", default="-")
def log(msg):
    print(f"[{request_id.get()}] {msg}")
async def db_query(q, delay):
    await asyncio.sleep(delay)
    log(f"query {q} done")
    return q.upper()
async def handler(rid, delay):
    request_id.set(rid)
    log("start")
    result = await db_query(f"q-{rid}", delay)
    log("end")
    return result
async def main():
    log("main before")
    results = await asyncio.gather(handler("r1", 0.03), handler("r2", 0.01), handler("r3", 0.02))
    log("main after")
    print(results)
asyncio.run(main())
log("outside")
