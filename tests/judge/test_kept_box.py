"""Kept boxes (one box per judge worker for a whole run): each test still starts from an empty
box, a test cannot reach the next one, and nothing outlives the run."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest

from studylog.judge.sandbox import BoxPool, Limits, box, run, waiter

from .test_hostile import leftovers

pytestmark = pytest.mark.skipif(not box.available() or waiter.binary() is None,
                                reason="no bwrap box with the in-box waiter here")

LIMITS = Limits(cpu_ms=2000, wall_ms=5000, memory_kb=128 * 1024, output_bytes=1 << 20)


@pytest.fixture
def token() -> str:
    return "kept" + uuid.uuid4().hex[:12]


def sh(script: str, token: str) -> list[str]:
    return ["/bin/sh", "-c", script, token]


def test_runs_share_one_box_and_each_starts_empty(token):
    script = 'ls -A /box; echo seen > /box/mark; mkdir -p /box/d; chmod 000 /box/d; echo ok'
    with BoxPool() as pool:
        outs = [run(sh(script, token), b"", LIMITS, pool=pool) for _ in range(4)]
        assert len(pool._all) == 1  # one box served all four runs
    assert [o.stdout for o in outs] == ["ok\n"] * 4  # no file of an earlier run was there
    assert all(o.sandbox == "bwrap" and o.exit_code == 0 for o in outs)
    assert leftovers(token) == []


def test_a_daemon_of_one_run_is_dead_before_the_next(token):
    daemon = '(trap "" HUP; sleep 1; echo LEAKED) & echo started'
    with BoxPool() as pool:
        first = run(sh(daemon, token), b"", LIMITS, pool=pool)
        second = run(sh("sleep 1.5; ps -e -o pid= | wc -l; echo second", token), b"", LIMITS,
                     pool=pool)
    assert first.stdout == "started\n"
    count, word = second.stdout.split()
    assert word == "second" and "LEAKED" not in first.stdout + second.stdout
    assert int(count) <= 4  # the server, sh, ps, wc: no daemon of the first run
    assert leftovers(token) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="a uid of its own per run needs root")
def test_each_run_gets_a_fresh_uid(token):
    with BoxPool() as pool:
        uids = {run(sh("id -u", token), b"", LIMITS, pool=pool).stdout for _ in range(3)}
    assert len(uids) == 3 and "0\n" not in uids


def test_kill_all_and_shared_memory_leave_the_box_serving(token):
    # one program (one box): on "make" it leaves a SysV segment and kills all it can reach
    make = ("import ctypes; c = ctypes.CDLL(None); "
            "print(c.shmget(0, 1 << 20, 0o1600) >= 0)")  # IPC_PRIVATE, IPC_CREAT | 0600
    script = (f'read what; if [ "$what" = make ]; then python3 -c "{make}"; kill -9 -1; '
              'echo after; else ipcs -m | grep -c "^0x" ; echo fine; fi')
    with BoxPool() as pool:
        first = run(sh(script, token), b"make\n", LIMITS, pool=pool)
        second = run(sh(script, token), b"look\n", LIMITS, pool=pool)
        assert len(pool._all) == 1
    assert first.stdout == "True\nafter\n"
    assert second.stdout == "0\nfine\n"  # the first run's segment is gone
    assert leftovers(token) == []


def test_stdin_and_exit_status_pass_through_exactly(token):
    with BoxPool() as pool:
        out = run(sh("cat; exit 152", token), "한글 입력\n".encode(), LIMITS, pool=pool)
        killed = run(sh("kill -XCPU $$", token), b"", LIMITS, pool=pool)
    assert out.stdout == "한글 입력\n" and out.exit_code == 152 and out.signal is None
    assert killed.signal == 24 and killed.timed_out  # a real SIGXCPU, not an exit code


def test_cpu_limit_and_cancel_in_a_kept_box(token):
    with BoxPool() as pool:
        loop = run(sh("while :; do :; done", token), b"", LIMITS, pool=pool)
        cancel = threading.Event()
        threading.Timer(0.5, cancel.set).start()
        start = time.monotonic()
        stopped = run(sh("sleep 30", token), b"", LIMITS, pool=pool, cancel=cancel)
        took = time.monotonic() - start
        after = run(sh("echo again", token), b"", LIMITS, pool=pool)
    assert loop.timed_out and 2000 <= loop.cpu_ms <= 2600
    assert stopped.cancelled and took < 4
    assert after.stdout == "again\n"
    assert leftovers(token) == []


@pytest.mark.parametrize("busy", ["sleep 30", "while :; do :; done"])
def test_a_box_stopped_mid_run_is_gone_when_the_run_returns(token, busy):
    # the cancel kills the busy box: by the time run() returns, its pid 1 (the server, whose
    # command line holds the token) must be dead, not dying
    with BoxPool() as pool:
        cancel = threading.Event()
        threading.Timer(0.3, cancel.set).start()
        stopped = run(sh(busy, token), b"", LIMITS, pool=pool, cancel=cancel)
        assert stopped.cancelled
        assert leftovers(token) == []
