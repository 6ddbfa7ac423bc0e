"""Start-up of `studylog --help`, `studylog today` and `studylog search` in two source trees, side by side.

Each round runs every command once in each tree, interleaved (A, B, A, B, ...), so both trees see
the same machine load; the medians, their spread (25th-75th percentile) and the ratio B/A are
printed. With one tree, it is compared with the floor of the stack (`python -c "import typer,
sqlite_utils"`). ``--app`` also times the app's first screen as a user sees it: a real terminal
(a private tmux server), from the start of the process until the Today screen's panels are drawn;
``--tenyear`` does that on the ten-year database (3,650 days, bench/tenyear.py) instead of a
one-note one, as the first-screen budget asks (the commands keep the small database).

Run: .venv/bin/python bench/bench_startup.py [--before DIR] [--rounds N] [--app [--tenyear]]
  DIR is another checkout of studylog (e.g. `git worktree add /tmp/before <commit>`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
COMMANDS = {"--help": ["--help"], "today": ["today"], "search": ["search", "회고"]}


def _once(tree: Path, args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "studylog", *args], cwd=tree, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - t0) * 1000


def _app_once(tree: Path, env: dict[str, str], marker: str = "오늘의 채점") -> float:
    """Seconds (as ms) from starting the app in a fresh 80x24 tmux pane to ``marker`` on screen."""
    sock = f"studylog-bench-{os.getpid()}-{time.monotonic_ns()}"  # a fresh server each time
    tmux = ["tmux", "-L", sock]
    cmd = f"cd {tree} && exec {sys.executable} -m studylog"
    t0 = time.perf_counter()
    subprocess.run([*tmux, "new-session", "-d", "-x", "80", "-y", "24", cmd], env=env, check=True)
    try:
        while time.perf_counter() - t0 < 20:
            shown = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True).stdout
            if marker in shown:
                return (time.perf_counter() - t0) * 1000
            time.sleep(0.01)
        return float("nan")
    finally:
        subprocess.run([*tmux, "kill-server"], stderr=subprocess.DEVNULL, check=False)


def _floor(env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import typer, sqlite_utils"], env=env, check=True)
    return (time.perf_counter() - t0) * 1000


def _spread(xs: list[float]) -> str:
    q = statistics.quantiles(xs, n=4)
    return f"{statistics.median(xs):6.1f} ms [{q[0]:.1f}-{q[2]:.1f}]"


def main() -> None:
    """Measure and print."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", type=Path, help="another studylog checkout to compare with")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--app", action="store_true", help="also time the app's first screen (tmux)")
    ap.add_argument("--tenyear", action="store_true",
                    help="the app opens the ten-year database (3,650 days)")
    opts = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="studylog-startup-"))
    env = dict(os.environ, STUDYLOG_DB=str(tmp / "s.db"), STUDYLOG_CONFIG=str(tmp / "c.toml"))
    app_env = dict(env, STUDYLOG_WARM_TRAIN="0")  # no spare torch child competing for the CPU
    if opts.tenyear:
        sys.path.insert(0, str(HERE / "bench"))
        sys.path.insert(0, str(HERE))
        from tenyear import build

        source = build(Path(tempfile.gettempdir()) / "studylog-bench-tenyear.db")
        copy = tmp / "tenyear.db"  # the app may write (a carried to-do): never the shared file
        copy.write_bytes(source.read_bytes())
        app_env["STUDYLOG_DB"] = str(copy)
    subprocess.run([sys.executable, "-m", "studylog", "note", "retro", "오늘의 회고"], cwd=HERE,
                   env=env, check=True, stdout=subprocess.DEVNULL)
    trees = [("before", opts.before), ("now", HERE)] if opts.before else [("now", HERE)]
    times: dict[tuple[str, str], list[float]] = {}
    floor: list[float] = []
    for _ in range(opts.rounds):
        floor.append(_floor(env))
        for name, args in COMMANDS.items():
            for label, tree in trees:
                times.setdefault((label, name), []).append(_once(tree, args, env))
        if opts.app:
            for label, tree in trees:
                times.setdefault((label, "app"), []).append(_app_once(tree, app_env))
    print(f"floor (import typer, sqlite_utils): {_spread(floor)}")
    for name in [*COMMANDS, *(["app"] if opts.app else [])]:
        line = "  ".join(f"{label}: {_spread(times[(label, name)])}" for label, _ in trees)
        over = statistics.median(times[("now", name)]) - statistics.median(floor)
        ratio = ""
        if opts.before:
            now, before = (statistics.median(times[(t, name)]) for t in ("now", "before"))
            ratio = f"  now/before {now / before:.2f}"
        print(f"{name:7s} {line}  now over floor: {over:+.0f} ms{ratio}")


if __name__ == "__main__":
    main()
