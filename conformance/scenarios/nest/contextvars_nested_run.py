# After apply(), a nested asyncio.run() copies the context of the task that called it; its changes stay inside.
import asyncio
import contextvars
import nest_asyncio
nest_asyncio.apply()
cvar = contextvars.ContextVar("cvar", default="none")
async def inner():
    print("nested main sees", cvar.get())
    cvar.set("nested")
    await asyncio.sleep(0.01)
    return cvar.get()
async def other(name):
    cvar.set(name)
    await asyncio.sleep(0.005)
    print(name, "sees", cvar.get())
async def outer():
    cvar.set("outer")
    t = asyncio.create_task(other("sibling"))
    value = asyncio.run(inner())
    print("nested run returned", value, "; outer has", cvar.get())
    await t
    var = contextvars.ContextVar("var")
    var.set(0)
    async def set_val():
        var.set(42)
    async def coro():
        await set_val()
        await asyncio.sleep(0.01)
        return var.get()
    print("nest_asyncio test_contextvars:", asyncio.get_running_loop().run_until_complete(coro()))
asyncio.run(outer())
print("outside", cvar.get())
