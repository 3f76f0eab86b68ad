# Child processes: pipes on all three streams, stderr merged into stdout, DEVNULL,
# cwd and env, returncodes of exit and of signals, errors.
import asyncio
from asyncio.subprocess import DEVNULL, PIPE, STDOUT


async def main():
    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "tr a-z A-Z; echo to-stderr >&2; exit 3",
        stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate(b"hello pipes\n")
    print("communicate:", out.decode().strip(), err.decode().strip(), proc.returncode)

    merged = await asyncio.create_subprocess_shell(
        "echo out; echo err >&2", stdout=PIPE, stderr=STDOUT)
    out, err = await merged.communicate()
    print("merged:", out.decode().split(), err)

    quiet = await asyncio.create_subprocess_shell("echo lost", stdout=DEVNULL)
    print("devnull:", await quiet.communicate(), await quiet.wait())

    where = await asyncio.create_subprocess_shell(
        "pwd; echo $GREETING", stdout=PIPE, cwd="/tmp", env={"GREETING": "hi", "PATH": "/usr/bin:/bin"})
    out, _ = await where.communicate()
    print("cwd and env:", out.decode().split())

    big = await asyncio.create_subprocess_exec(
        "sh", "-c", "cat; head -c 1048576 /dev/zero >&2", stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out, err = await big.communicate(b"x" * (2 * 1024 * 1024))
    print("large:", len(out), len(err), big.returncode)

    sleeper = await asyncio.create_subprocess_exec("sleep", "10")
    print("running:", sleeper.returncode)
    sleeper.kill()
    print("killed:", await sleeper.wait(), sleeper.returncode)
    term = await asyncio.create_subprocess_exec("sleep", "10")
    term.terminate()
    print("terminated:", await term.wait())
    interrupted = await asyncio.create_subprocess_exec("sleep", "10")
    interrupted.send_signal(2)
    print("SIGINT:", await interrupted.wait())

    lines = await asyncio.create_subprocess_shell("echo one; echo two", stdout=PIPE)
    while True:
        line = await lines.stdout.readline()
        if not line:
            break
        print("line:", line.decode().strip())
    print("at eof:", lines.stdout.at_eof(), await lines.wait())

    try:
        await asyncio.create_subprocess_exec("/nonexistent/program")
    except OSError as e:
        print("missing program:", type(e).__name__, e.errno == 2)

asyncio.run(main())
