"""Run conformance scenarios with CPython's asyncio and print their traces as JSON.

usage: run_scenarios.py [--record] PATH...

Each PATH is a scenario file (`<area>/<name>.py`) or a folder searched for them. Scenarios
run with runpy, stdout captured, with a fresh event loop policy before and after, so no loop
leaks from one scenario into the next. They are shared out among a few worker processes
(they mostly sleep). Scenarios under a `nest/` folder load nest_asyncio, which patches
asyncio for good, so each of them runs in a process of its own; when nest_asyncio cannot be
found they are not run and are reported as skipped.

Time is dilated: the loops run on a clock DILATION times slower than the real one, so a
0.01 s sleep takes 0.1 s of real time. A scenario's events are 10 ms apart on its own clock;
a busy machine delays a wake-up by tens of ms, which would reorder them on an undilated
clock. Only the loop's time() and the timeout it passes to its selector are scaled (the
way CPython's own test_asyncio drives a TestLoop's time); everything else is asyncio's.

Prints {"python": ..., "nest_asyncio": <file or null>, "results": {<path>: {"stdout",
"error", "skipped"}}}. `--record` writes each trace to `<name>.out` beside the scenario
instead. Nothing is cached: every call runs every scenario it is given.
"""

import asyncio
import contextlib
import importlib.util
import io
import json
import os
import runpy
import subprocess
import sys
import time
import traceback

DILATION = float(os.environ.get("CONFORMANCE_DILATION", "10"))
JOBS = int(os.environ.get("CONFORMANCE_JOBS", "6"))

# Debian's python3-nest-asyncio installs this one file. Only the file is loaded, never its
# folder: putting all of dist-packages on sys.path would change what else imports.
DEBIAN_NEST_ASYNCIO = "/usr/lib/python3/dist-packages/nest_asyncio.py"


class DilatedSelector:
    """The loop's selector, waiting DILATION times longer than it is asked to."""

    def __init__(self, inner):
        self._inner = inner

    def select(self, timeout=None):
        return self._inner.select(None if timeout is None else timeout * DILATION)

    def __getattr__(self, name):
        return getattr(self._inner, name)


class DilatedLoop(asyncio.SelectorEventLoop):
    """asyncio's loop on a clock DILATION times slower than time.monotonic()."""

    def __init__(self):
        super().__init__()
        self._selector = DilatedSelector(self._selector)

    def time(self):
        return time.monotonic() / DILATION


class DilatedPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = DilatedLoop


def find_nest_asyncio():
    """The nest_asyncio module file, or None when it is not installed. CONFORMANCE_NEST_ASYNCIO
    names another nest_asyncio.py to use (an empty value: run as if there were none)."""
    chosen = os.environ.get("CONFORMANCE_NEST_ASYNCIO")
    if chosen is not None:
        return chosen or None
    spec = importlib.util.find_spec("nest_asyncio")
    if spec is not None and spec.origin:
        return spec.origin
    if os.path.isfile(DEBIAN_NEST_ASYNCIO):
        return DEBIAN_NEST_ASYNCIO
    return None


def load_nest_asyncio(path):
    spec = importlib.util.spec_from_file_location("nest_asyncio", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["nest_asyncio"] = module
    spec.loader.exec_module(module)


def run_here(path):
    """Run one scenario in this process; its stdout is the trace."""
    out = io.StringIO()
    error = None
    asyncio.set_event_loop_policy(DilatedPolicy())
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(path, run_name="__main__")
    except SystemExit as e:
        if e.code not in (None, 0):
            error = f"SystemExit({e.code!r})"
    except BaseException:  # the trace so far is still reported, with what went wrong
        error = traceback.format_exc()
    finally:
        asyncio.set_event_loop_policy(None)
    return {"stdout": out.getvalue(), "error": error, "skipped": None}


def start(args):
    return subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def collect(child):
    try:
        stdout, stderr = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        child.kill()
        stdout, stderr = child.communicate()
        stderr = "timed out after 120 s\n" + stderr
    if child.returncode != 0:
        return None, stderr or f"exit {child.returncode}"
    return json.loads(stdout), None


def scenario_files(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for folder, _, names in os.walk(p):
                files += [os.path.join(folder, n) for n in names if n.endswith(".py")]
        else:
            files.append(p)
    return sorted(files)


def is_nest(path):
    return os.path.basename(os.path.dirname(os.path.abspath(path))) == "nest"


def run_all(files, nest_file):
    """Every scenario's result: plain ones shared out among JOBS workers, while the nest
    ones run one after the other, each in a process of its own."""
    plain = [f for f in files if not is_nest(f)]
    nest = [f for f in files if is_nest(f)]
    results = {}

    def record(chunk, child):
        out, error = collect(child)
        for f in chunk:
            results[f] = out[f] if out else {"stdout": "", "error": error, "skipped": None}

    workers = [(plain[i::JOBS], start(["--worker", *plain[i::JOBS]])) for i in range(JOBS) if plain[i::JOBS]]
    for f in nest:
        if nest_file:
            record([f], start(["--isolated", f]))
        else:
            results[f] = {"stdout": "", "error": None, "skipped": "nest_asyncio is not installed"}
    for chunk, child in workers:
        record(chunk, child)
    return {f: results[f] for f in files}


def main(argv):
    if argv[:1] == ["--worker"]:
        json.dump({f: run_here(f) for f in argv[1:]}, sys.stdout)
        return 0
    if argv[:1] == ["--isolated"]:
        load_nest_asyncio(find_nest_asyncio())
        json.dump({argv[1]: run_here(argv[1])}, sys.stdout)
        return 0
    record = argv[:1] == ["--record"]
    if record:
        argv = argv[1:]
    nest_file = find_nest_asyncio()
    results = run_all(scenario_files(argv), nest_file)
    if not record:
        json.dump({"python": sys.version.split()[0], "nest_asyncio": nest_file, "results": results}, sys.stdout)
        return 0
    recorded = 0
    for path, result in results.items():
        if result["error"] or result["skipped"]:
            print(f"not recorded: {path}: {result['error'] or result['skipped']}", file=sys.stderr)
            continue
        with open(path[:-3] + ".out", "w") as f:
            f.write(result["stdout"])
        recorded += 1
    print(f"recorded {recorded} of {len(results)} traces (nest_asyncio: {nest_file})")
    return 0 if recorded == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
