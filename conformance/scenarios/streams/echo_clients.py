# 50 clients at once against one server; each connection runs the handler as its own task.
import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(b"echo " + line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"client {i}\n".encode())
    await writer.drain()
    reply = await reader.read()
    writer.close()
    await writer.wait_closed()
    return reply.decode()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print("serving on", host, port > 0, server.is_serving())
    replies = await asyncio.gather(*(client(port, i) for i in range(50)))
    print(len(replies), "replies")
    print(replies[0].strip(), "|", replies[49].strip())
    print("all right:", replies == [f"echo CLIENT {i}\n" for i in range(50)])
    server.close()
    await server.wait_closed()
    print("closed:", server.is_serving(), server.sockets)

asyncio.run(main())
