# 1 MiB each way: the client streams 1 MiB to an echo server with drain(), reading the echo
# at the same time; then the server sends 1 MiB unasked and closes.
import asyncio

SIZE = 1024 * 1024


async def echo(reader, writer):
    while True:
        data = await reader.read(65536)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()


async def push(reader, writer):
    writer.write(bytes(i % 251 for i in range(SIZE)))
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    payload = bytes(i % 251 for i in range(SIZE))
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def send():
        for at in range(0, SIZE, 65536):
            writer.write(payload[at:at + 65536])
            await writer.drain()
        writer.write_eof()

    sender = asyncio.create_task(send())
    back = await reader.read()
    await sender
    print("echoed:", len(back), back == payload)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    server = await asyncio.start_server(push, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    first = await reader.readexactly(10)
    rest = await reader.read()
    print("pushed:", len(first) + len(rest), first + rest == payload, reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
