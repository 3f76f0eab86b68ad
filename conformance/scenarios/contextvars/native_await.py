# A task resumes in its own context after awaiting something outside the loop (a native promise
# in asyncio-ts host mode; the same trace in a blocking run), and synchronous helpers see its values.
import asyncio
import contextvars
cvar = contextvars.ContextVar("cvar", default="none")
def native_logger(msg):
    print(f"[{cvar.get()}] {msg}")
async def outside_the_loop():
    await asyncio.sleep(0)
async def worker(name, delay):
    cvar.set(name)
    native_logger("before await")
    await outside_the_loop()
    native_logger("after await")
    await asyncio.sleep(delay)
    native_logger("after sleep")
    return name
async def main():
    cvar.set("main")
    results = await asyncio.gather(worker("w1", 0.02), worker("w2", 0.01))
    native_logger("gathered")
    print(results)
asyncio.run(main())
native_logger("outside")
