# A task copies the context at its creation; what it sets stays in it; create_task(context=ctx) runs in ctx itself.
import asyncio
import contextvars
cvar = contextvars.ContextVar("cvar", default="nope")
async def sub(name):
    print(name, "starts with", cvar.get())
    await asyncio.sleep(0.01)
    cvar.set(name)
    print(name, "set", cvar.get())
async def main():
    print("main starts with", cvar.get())
    cvar.set("main")
    t1 = asyncio.create_task(sub("child1"))
    cvar.set("main changed")
    t2 = asyncio.create_task(sub("child2"))
    await t1
    await t2
    print("main has", cvar.get())
    ctx = contextvars.copy_context()
    print("ctx has", ctx.get(cvar), len(ctx))
    await asyncio.create_task(sub("in ctx"), context=ctx)
    print("ctx now has", ctx.get(cvar), "main has", cvar.get())
    await asyncio.create_task(sub("in ctx again"), context=ctx)
    print("ctx now has", ctx.get(cvar))
asyncio.run(main())
print("outside", cvar.get())
