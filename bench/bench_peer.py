"""A team of N solutions: `studylog peer judge` against judging them one after another.

A fresh team folder (a git repository in a temp folder) gets N members, each with a Python
solution to 2667 (the reference, so every member is AC and every test runs). Each round times,
interleaved so both see the same machine load:

- `studylog peer judge 2667 TEAM` (one process, the members' tests on every core), and
- `studylog solve 2667 member/2667.py` N times, one after another (what a student would do
  by hand without the peer command).

The medians, their spread (min-max) and the ratio peer / sequential are printed (budget: <= 1).

Run: .venv/bin/python bench/bench_peer.py [--members 8] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _studylog(args: list[str], env: dict[str, str], cwd: Path) -> float:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "studylog", *args], cwd=cwd, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        raise SystemExit(f"studylog {' '.join(args)} failed: {done.stderr.strip()}")
    return took * 1000


def _team(folder: Path, members: int, env: dict[str, str]) -> list[Path]:
    ref = HERE / "data" / "problems" / "2667" / "ref.py"
    files = []
    for i in range(members):
        path = folder / f"member{i + 1}" / "2667.py"
        path.parent.mkdir(parents=True)
        shutil.copy(ref, path)
        files.append(path)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["-c", "user.name=bench", "-c", "user.email=b@x", "commit", "-q", "-m", "team"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True)
    return files


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):8.1f} ms [{min(values):.1f}-{max(values):.1f}]"


def main() -> None:
    """Build the team, time both ways round by round, print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = dict(os.environ, STUDYLOG_DB=str(root / "s.db"),
                   STUDYLOG_CONFIG=str(root / "c.toml"), GIT_CONFIG_NOSYSTEM="1",
                   HOME=str(root))
        team = root / "team"
        team.mkdir()
        files = _team(team, opts.members, env)
        _studylog(["solve", "2667", str(files[0])], env, HERE)  # warm the built tests
        peer_ms: list[float] = []
        seq_ms: list[float] = []
        ratios: list[float] = []
        for _ in range(opts.rounds):
            p = _studylog(["peer", "judge", "2667", str(team)], env, HERE)
            s = sum(_studylog(["solve", "2667", str(f)], env, HERE) for f in files)
            peer_ms.append(p)
            seq_ms.append(s)
            ratios.append(p / s)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
              f"Python {sys.version.split()[0]}; {opts.rounds} rounds, interleaved; "
              f"{opts.members} members, 2667 (27 tests each)")
        print(f"peer judge, whole team        {_spread(peer_ms)}")
        print(f"{opts.members} x solve, one after another {_spread(seq_ms)}")
        print(f"peer / sequential             {statistics.median(ratios):8.2f} x "
              f"[{min(ratios):.2f}-{max(ratios):.2f}]  (budget <= 1)")


if __name__ == "__main__":
    main()
