# EOF handling (partial lines, readexactly and readuntil past the end, at_eof), the
# stream limit (LimitOverrunError, readline's ValueError), a write after write_eof, and
# connection errors.
import asyncio
import os
import tempfile


async def send_and_close(reader, writer):
    writer.write(b"line one\npartial")
    await writer.drain()
    writer.write_eof()
    await reader.read()
    writer.close()


async def long_lines(reader, writer):
    writer.write(b"x" * 20 + b"\nshort\n" + b"y" * 30)
    writer.write_eof()
    await reader.read()
    writer.close()


async def main():
    server = await asyncio.start_server(send_and_close, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for what in ("readline", "readexactly", "readuntil", "read"):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print(what, "first line:", await reader.readline())
        try:
            if what == "readline":
                print(" ", await reader.readline(), await reader.readline())
            elif what == "readexactly":
                await reader.readexactly(20)
            elif what == "readuntil":
                await reader.readuntil(b"!")
            else:
                print(" ", await reader.read(), await reader.read())
        except asyncio.IncompleteReadError as e:
            print(" ", type(e).__name__, e.partial, e.expected, e)
        print("  at_eof:", reader.at_eof(), "can_write_eof:", writer.can_write_eof())
        writer.close()
        await writer.wait_closed()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write_eof()
    try:
        writer.write(b"late")
    except RuntimeError as e:
        print("write after write_eof:", type(e).__name__)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    server = await asyncio.start_server(long_lines, "127.0.0.1", 0, limit=10)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=10)
    try:
        await reader.readline()
    except ValueError as e:
        print("readline:", type(e).__name__, e)
    print("next line:", await reader.readline())
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print("readuntil:", type(e).__name__, e, e.consumed)
    print("still there:", len(await reader.read()))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("closed port:", type(e).__name__, isinstance(e, OSError))
    path = os.path.join(tempfile.gettempdir(), "asyncio-ts-no-such-socket")
    try:
        await asyncio.open_unix_connection(path)
    except FileNotFoundError as e:
        print("missing unix socket:", type(e).__name__)

asyncio.run(main())
