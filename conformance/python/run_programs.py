"""Run generated programs with CPython's asyncio.

usage: run_programs.py UNIT [--nest] < programs.json

With --nest the programs are extended ones (nested runs): every worker loads nest_asyncio
first (found as run_scenarios.py finds it), which patches asyncio for good, so extended
programs never share a process with plain ones. Without nest_asyncio each is skipped.

programs.json is a list of {"seed": int, "source": str}; each source reads the length of its
tick, in seconds, from the global `U`. The programs are shared out among a few worker
processes (they mostly sleep); each worker runs its share one after the other. Prints
{seed: {"stdout", "error", "skipped"}} as JSON.
"""

import asyncio
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import traceback

JOBS = int(os.environ.get("CONFORMANCE_JOBS", "8"))


def run(seed, source, unit):
    out = io.StringIO()
    error = None
    asyncio.set_event_loop_policy(None)
    try:
        code = compile(source, f"<seed {seed}>", "exec")
        with contextlib.redirect_stdout(out):
            exec(code, {"__name__": "__main__", "U": unit})
    except BaseException:  # reported with the trace so far
        error = traceback.format_exc()
    finally:
        asyncio.set_event_loop_policy(None)
    return {"stdout": out.getvalue(), "error": error, "skipped": None}


def run_nested_share(programs, unit):
    """A worker's share of extended programs, with nest_asyncio loaded first."""
    from run_scenarios import find_nest_asyncio, load_nest_asyncio

    path = find_nest_asyncio()
    if path is None:
        reason = "nest_asyncio is not installed"
        return {p["seed"]: {"stdout": "", "error": None, "skipped": reason} for p in programs}
    load_nest_asyncio(path)
    return {p["seed"]: run(p["seed"], p["source"], unit) for p in programs}


def main(argv):
    unit = argv[0]
    nest = "--nest" in argv[1:]
    programs = json.load(sys.stdin)
    if "--worker" in argv[1:]:
        if nest:
            json.dump(run_nested_share(programs, float(unit)), sys.stdout)
            return 0
        json.dump({p["seed"]: run(p["seed"], p["source"], float(unit)) for p in programs}, sys.stdout)
        return 0
    workers = []
    for i in range(JOBS):
        share = programs[i::JOBS]
        if share:
            with tempfile.TemporaryFile("w+") as f:
                json.dump(share, f)
                f.seek(0)
                child = subprocess.Popen(
                    [sys.executable, __file__, unit, "--worker", *(["--nest"] if nest else [])],
                    stdin=f,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            workers.append((share, child))
    results = {}
    for share, child in workers:
        stdout, stderr = child.communicate(timeout=300)
        if child.returncode != 0:
            for p in share:
                results[p["seed"]] = {"stdout": "", "error": stderr or f"exit {child.returncode}", "skipped": None}
        else:
            results.update(json.loads(stdout))
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
