"""The box's in-box waiter (``waiter.c``): built once, and how to read what it reports.

Why a small C program: bwrap reports a child killed by signal N as exit code 128 + N, so an
``exit(152)`` and a SIGXCPU looked the same to the judge. The waiter is the box's command; it
sets the run's rlimits, drops to the box's uid, forks and execs the program, watches its CPU
clock, wall clock and resident memory every 10 ms (so an infinite loop ends at the time limit,
not at the next whole second of RLIMIT_CPU), ``wait4``s it and writes the raw wait status and
the program's own rusage to an inherited fd. It replaces the ``setpriv`` and ``prlimit`` execs
(two dynamic binaries: most of the box's overhead) with one small one.

It is compiled with the system ``cc`` into the user cache dir, keyed by the hash of its source;
where no ``cc`` exists (or the build fails) :func:`binary` is None and the box uses the old
``setpriv`` + ``prlimit`` chain.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).with_name("waiter.c")
REPORT_FD = 4
STACK_UNLIMITED = -2

# why the waiter stopped the program
STOP_NONE, STOP_CPU, STOP_WALL, STOP_MEMORY = 0, 1, 2, 3


@dataclass(frozen=True)
class Report:
    """What the waiter saw: the raw wait status, the program's rusage, and why it stopped it."""

    status: int
    cpu_ms: int
    memory_kb: int
    stop: int


def _cache_root() -> Path:
    env = os.environ.get("STUDYLOG_CACHE")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("studylog", appauthor=False))


@functools.lru_cache(maxsize=1)
def binary() -> str | None:
    """The built waiter (built on first use), or None where it cannot be built here."""
    if os.environ.get("STUDYLOG_WAITER") == "0":
        return None
    source = SOURCE.read_bytes()
    key = hashlib.sha256(source).hexdigest()[:16]
    where = _cache_root() / f"waiter-{key}"
    exe = where / "waiter"
    if os.access(exe, os.X_OK):
        return str(exe)
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    try:
        where.mkdir(parents=True, exist_ok=True)
        os.chmod(where, 0o755)
        with tempfile.TemporaryDirectory(dir=where) as tmp:
            out = Path(tmp) / "waiter"
            proc = subprocess.run([cc, "-O2", "-o", str(out), str(SOURCE)], capture_output=True,
                                  timeout=60, stdin=subprocess.DEVNULL)
            if proc.returncode != 0:
                return None
            os.chmod(out, 0o755)
            os.replace(out, exe)  # atomic: parallel builders agree
    except (OSError, subprocess.TimeoutExpired):
        return None
    return str(exe)


def read_report(path: Path) -> Report | None:
    """The waiter's report in ``path`` (None when it wrote none: it was killed, or never ran)."""
    try:
        return parse_report(path.read_bytes())
    except OSError:
        return None


def parse_report(data: bytes) -> Report | None:
    """A report line as the waiter writes it (None when it is not one)."""
    text = data.decode("ascii", errors="replace").split()
    if len(text) < 5:
        return None
    try:
        status, utime, stime, maxrss, stop = (int(t) for t in text[:5])
    except ValueError:
        return None
    return Report(status=status, cpu_ms=(utime + stime) // 1000, memory_kb=maxrss, stop=stop)
