"""Hostile solutions: each gets its right verdict, studylog stays up, nothing is left behind.

Every test runs with a private temp root (build and run directories live there), and afterwards
checks that the root is empty and that no process whose command line names it, or the test's
token, is still alive. Solutions print nothing useful, so a run that survives is WA.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from studylog.judge import languages
from studylog.judge.runner import judge
from studylog.judge.sandbox import box
from studylog.judge.verdicts import Verdict

from .conftest import samples

ROOT = Path(__file__).resolve().parents[2]
needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc not installed")
needs_box = pytest.mark.skipif(not box.available(), reason=f"no bwrap box: {box.probe()}")
# Never run these outside a box: in the rlimit fallback, kill(-1) by a root process ends every
# process on the machine, and a fork bomb has no process limit.
pytestmark = needs_box


def _cmdlines() -> dict[int, str]:
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                found[int(pid)] = fh.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
    return found


def leftovers(*needles: str) -> list[str]:
    """Live processes whose command line holds one of ``needles``."""
    return [f"{pid}: {cmd[:120]}" for pid, cmd in _cmdlines().items()
            if any(n in cmd for n in needles)]


@pytest.fixture
def token() -> str:
    return "hostile" + uuid.uuid4().hex[:12]


@pytest.fixture(autouse=True)
def private_tmp(tmp_path, monkeypatch, token):
    """Run dirs in a private temp root; afterwards it is empty and no process names it."""
    root = tmp_path / "tmproot"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    yield root
    found = leftovers(str(root), token)
    for _ in range(60):  # a process being killed shows its command line until it next runs
        if not found:
            break
        time.sleep(0.05)
        found = leftovers(str(root), token)
    assert found == [], "a process outlived the judge"
    assert list(root.iterdir()) == [], "a run or build directory was left behind"


def one(problem, write, name, code, **kw):
    return judge(problem, write(name, code), tests=samples(problem)[:1], **kw)


# --- processes that try to outlive the judge ------------------------------------------------


def test_setsid_daemon_with_empty_env_dies_with_the_box(p2667, write, token):
    code = f"""
    import os, sys
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execve(sys.executable, [sys.executable, "-c",
                      "import time; time.sleep(600)  # {token}"], {{}})
        os._exit(0)
    print(3)
    """
    assert one(p2667, write, "daemon.py", code).verdict is Verdict.WA


@needs_gcc
def test_c_daemon_dies_with_the_box(p2667, write, token):
    code = f"""
    #include <unistd.h>
    int main(void) {{
        if (fork() == 0) {{ setsid(); char *argv[] = {{"sleep", "600", 0}}; char *env[] = {{0}};
            execve("/bin/sleep", argv, env); }}
        return 0; /* {token} */
    }}
    """
    res = one(p2667, write, "daemon.c", code)
    assert res.verdict is Verdict.WA
    assert leftovers("sleep 600") == [] or not box.available()


def test_python_fork_bomb_is_a_time_limit(tight, write):
    code = """
    import os
    while True:
        try:
            os.fork()
        except OSError:
            pass
    """
    res = one(tight, write, "bomb.py", code)
    assert res.verdict is Verdict.TLE, res.tests[0]


@needs_gcc
@pytest.mark.slow
def test_c_fork_bomb_is_a_time_limit(tight, write):
    code = "#include <unistd.h>\nint main(void) { for (;;) fork(); }\n"
    assert one(tight, write, "bomb.c", code).verdict is Verdict.TLE


# --- raising its own limits -------------------------------------------------------------------


@needs_box
def test_limits_are_hard(p2667, write):
    code = """
    import resource
    out = []
    for name in ("RLIMIT_AS", "RLIMIT_FSIZE", "RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_NOFILE"):
        res = getattr(resource, name)
        soft, hard = resource.getrlimit(res)
        try:
            resource.setrlimit(res, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
            out.append(name + " raised")
        except (ValueError, OSError):
            out.append(name + f" hard {soft == hard}")
    print(*out, sep="\\n")
    """
    res = one(p2667, write, "limits.py", code)
    lines = res.tests[0].received.splitlines()
    # none can be raised; the CPU limit alone has a soft part (SIGXCPU) 1 s below its hard one
    assert lines == [f"{n} hard {n != 'RLIMIT_CPU'}" for n in (
        "RLIMIT_AS", "RLIMIT_FSIZE", "RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_NOFILE")]


def test_raising_address_space_then_allocating_is_memory_limit(tight, write):
    code = """
    import resource
    try:
        resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY,) * 2)
    except (ValueError, OSError):
        pass
    block = bytearray(600 * 1024 * 1024)
    print(len(block))
    """
    assert one(tight, write, "as.py", code).verdict is Verdict.MLE


def test_100_mb_flood_after_raising_fsize_is_output_limit(p2667, write):
    code = """
    import resource, sys
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)
    except (ValueError, OSError):
        pass
    chunk = b"7" * (1 << 20)
    for _ in range(100):
        sys.stdout.buffer.write(chunk)
    """
    res = one(p2667, write, "flood.py", code)
    assert res.verdict is Verdict.OLE
    assert len(res.tests[0].received) <= p2667.output_limit_kb * 1024


# --- reaching for studylog --------------------------------------------------------------------


@pytest.mark.parametrize("attack", [
    "os.kill(os.getppid(), signal.SIGKILL)",
    "os.killpg(os.getpgid(os.getppid()), signal.SIGKILL)",
    "os.kill(-1, signal.SIGKILL)",
    "open(f'/proc/{os.getppid()}/fd/1', 'wb').write(b'x' * 100000)",
])
def test_signals_and_pipes_of_the_parent_are_out_of_reach(p2667, write, attack):
    code = f"""
    import os, signal
    try:
        {attack}
    except OSError:
        pass
    """
    res = one(p2667, write, "attack.py", code)
    assert res.verdict in (Verdict.WA, Verdict.RE), res.tests[0]
    assert judge(p2667, write("again.py", "print(1)\n"), tests=samples(p2667)[:1]).total == 1


@needs_gcc
def test_c_kills_its_parent_and_group(p2667, write):
    code = """
    #include <signal.h>
    #include <unistd.h>
    int main(void) { kill(getppid(), SIGKILL); killpg(getpgid(getppid()), SIGKILL);
                     kill(-1, SIGKILL); return 0; }
    """
    assert one(p2667, write, "kill.c", code).verdict in (Verdict.WA, Verdict.RE)


@needs_box
def test_files_outside_the_box_are_invisible(p2667, write, tmp_path):
    target = tmp_path / "db" / "s.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"precious")
    home_file = Path.home() / f".studylog-hostile-{uuid.uuid4().hex[:8]}"
    code = f"""
    import glob, os
    seen = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            seen.append(open(f"/proc/{{pid}}/cmdline", "rb").read())
        except OSError:
            pass
    for path in ({str(target)!r}, "/tmp/hostile-note", {str(home_file)!r},
                 os.path.expanduser("~/x"), "/box/ok"):
        try:
            open(path, "w").write("owned")
            print("wrote", path)
        except OSError:
            print("no", path)
    print(len(seen) <= 3, any(b"-m\\0pytest" in c or b"-m\\0studylog" in c for c in seen))
    """
    res = one(p2667, write, "files.py", code)
    out = res.tests[0].received
    assert f"no {target}" in out and "no /tmp/hostile-note" in out and f"no {home_file}" in out
    assert "wrote /box/ok" in out and out.strip().endswith("True False")  # studylog unseen
    assert target.read_bytes() == b"precious" and not home_file.exists()
    assert not Path("/tmp/hostile-note").exists()


def test_malloc_of_2_gb_that_checks_for_null_is_memory_limit(tight, write):
    if shutil.which("gcc") is None:
        pytest.skip("gcc not installed")
    code = """
    #include <stdio.h>
    #include <stdlib.h>
    int main(void) {
        char *p = malloc((size_t)2 << 30);
        if (p == NULL) { puts("no memory"); return 1; }
        p[0] = 1; printf("%d\\n", p[0]); return 0;
    }
    """
    res = one(tight, write, "malloc.c", code)
    assert res.verdict is Verdict.MLE, res.tests[0]


# --- the compiler -----------------------------------------------------------------------------


@needs_gcc
@pytest.mark.slow
def test_include_dev_zero_stops_at_the_compile_limits(p2667, write, monkeypatch):
    monkeypatch.setattr(languages, "COMPILE_TIMEOUT_S", 8)
    monkeypatch.setattr(languages, "COMPILE_MEMORY_MB", 256)
    res = one(p2667, write, "zero.c", '#include "/dev/zero"\nint main(void) { return 0; }\n')
    assert res.verdict is Verdict.CE and res.compile_message


@needs_gcc
@pytest.mark.slow
def test_constexpr_bomb_is_stopped_by_the_compile_time_limit(p2667, write, monkeypatch):
    if shutil.which("g++") is None:
        pytest.skip("g++ not installed")
    # g++ gives up on its own (constexpr operation count) after ~2.5 s here: at 3 s that raced
    # the limit; at 1 s the limit always comes first
    monkeypatch.setattr(languages, "COMPILE_TIMEOUT_S", 1)
    code = """
    constexpr unsigned long long f(unsigned long long n) {
        unsigned long long s = 0;
        for (unsigned long long i = 0; i < n; i++)
            for (unsigned long long j = 0; j < n; j++) s += i * j % 7;
        return s;
    }
    constexpr unsigned long long x = f(200000);
    int main() { return (int)x; }
    """
    start = time.monotonic()
    res = one(p2667, write, "bomb.cpp", code)
    assert res.verdict is Verdict.CE and "stopped" in res.compile_message
    assert time.monotonic() - start < 30
    assert leftovers("cc1plus") == [] or not box.available()


@needs_gcc
def test_include_dev_stdin_does_not_read_studylogs_stdin(write, tmp_path):
    """The compiler's stdin is empty: studylog's own stdin (here a program) is not read."""
    src = write("stdin.c", '#include "/dev/stdin"\n')
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tempfile.tempdir)}
    proc = subprocess.run(
        [sys.executable, "-m", "studylog", "--db", str(tmp_path / "s.db"), "solve", "2667",
         str(src), "--json"],
        input=b'#include <stdio.h>\nint main(void){puts("3");return 0;}\n',
        capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert b'"verdict": "CE"' in proc.stdout


# --- studylog stopped while judging -----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_studylog_stopped_mid_run_leaves_nothing(write, tmp_path, sig, token):
    src = write("slow.py", f"import time\ntime.sleep(60)  # {token}\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tempfile.tempdir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "studylog", "--db", str(tmp_path / "s.db"), "solve", "2667",
         str(src)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    running = str(tempfile.tempdir) + "/studylog-build-"
    while not leftovers(running) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(running), "the solution never started"
    time.sleep(0.3)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and b"Traceback" not in err, err
