"""`studylog import` of ten years of posts (3,650 blog posts) against `jrnl --import` of the same text.

The posts are the ten-year benchmark database's days exported as blog posts (one file a day);
jrnl gets the same text as one journal file (`[date 09:00:00 AM] title` then the post).
Both run as whole processes into an empty journal, interleaved round by round; prints medians
with their spread and the ratio. studylog's import also builds its search index in the same pass.

jrnl is not a dependency: install it anywhere (`python -m venv /tmp/jrnl && /tmp/jrnl/bin/pip
install jrnl==4.6`) and point $JRNL at its executable (default: `jrnl` on PATH).

Run: .venv/bin/python bench/bench_import.py [rounds]   (files go to $TMPDIR)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tenyear import build  # noqa: E402

WORK = Path(tempfile.gettempdir()) / "studylog-bench-import"
JRNL_CONFIG = """colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: %s
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%%F %%r'
version: v4.6
"""


def prepare() -> tuple[Path, Path]:
    """The folder of 3,650 posts and the same text as one jrnl file (made once)."""
    posts, jtext = WORK / "posts", WORK / "jrnl-source.txt"
    if posts.is_dir() and len(list(posts.iterdir())) == 3650 and jtext.exists():
        return posts, jtext
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    src = build(Path(tempfile.gettempdir()) / "studylog-bench-tenyear.db")
    env = {**os.environ, "STUDYLOG_DB": str(src), "STUDYLOG_LANG": "ko"}
    subprocess.run([sys.executable, "-m", "studylog", "export", "--since", "2000-01-01",
                    "-o", str(posts)], env=env, check=True, capture_output=True)
    out = []
    for p in sorted(posts.iterdir()):
        lines = p.read_text(encoding="utf-8").splitlines()
        out.append(f"[{p.stem} 09:00:00 AM] {lines[0]}\n" + "\n".join(lines[1:]) + "\n")
    jtext.write_text("\n".join(out), encoding="utf-8")
    return posts, jtext


def run_studylog(posts: Path) -> float:
    db = WORK / "import.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    files = [str(p) for p in sorted(posts.iterdir())]
    env = {**os.environ, "STUDYLOG_DB": str(db), "STUDYLOG_LANG": "ko"}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "studylog", "import", *files], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    took = time.perf_counter() - t0
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM days").fetchone()[0]
    indexed = con.execute("SELECT count(*) FROM entries_compact").fetchone()[0]
    con.close()
    assert n == 3650 and indexed > 0, (n, indexed)
    return took


def run_jrnl(jrnl: str, jtext: Path) -> float:
    cfg = WORK / "jrnl-config"
    (cfg / "jrnl").mkdir(parents=True, exist_ok=True)
    journal = WORK / "journal.txt"
    journal.write_text("")
    (cfg / "jrnl" / "jrnl.yaml").write_text(JRNL_CONFIG % journal)
    env = {**os.environ, "XDG_CONFIG_HOME": str(cfg)}
    t0 = time.perf_counter()
    subprocess.run([jrnl, "--import", "--file", str(jtext)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    took = time.perf_counter() - t0
    assert journal.stat().st_size >= jtext.stat().st_size * 0.9
    return took


def spread(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.2f} s (min {min(xs):.2f}, max {max(xs):.2f})"


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    posts, jtext = prepare()
    size = sum(p.stat().st_size for p in posts.iterdir())
    print(f"3650 posts, {size / 1e6:.1f} MB of text; {rounds} rounds, interleaved")
    jrnl = shutil.which(os.environ.get("JRNL", "jrnl"))
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        ours.append(run_studylog(posts))
        if jrnl:
            theirs.append(run_jrnl(jrnl, jtext))
    print(f"studylog import (with the search index): {spread(ours)}")
    if not theirs:
        print("jrnl not found: set $JRNL to a jrnl executable to measure the ratio")
        return
    print(f"jrnl --import:                          {spread(theirs)}")
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    print(f"ratio of studylog to jrnl, per round: median {statistics.median(ratios):.2f}× "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f}); budget ≤ 1×")
    search_side_by_side(jrnl, rounds)


def search_side_by_side(jrnl: str, rounds: int) -> None:
    """Whole-process `studylog search TERM` against `jrnl -contains TERM` on the imported text."""
    env_ours = {**os.environ, "STUDYLOG_DB": str(WORK / "import.db"), "STUDYLOG_LANG": "ko"}
    env_jrnl = {**os.environ, "XDG_CONFIG_HOME": str(WORK / "jrnl-config")}
    for term in ("단지번호붙이기", "회고", "CosineAnnealingLR"):
        ours, theirs = [], []
        for _ in range(rounds):
            for argv, env, out in (([sys.executable, "-m", "studylog", "search", term], env_ours, ours),
                                   ([jrnl, "-contains", term], env_jrnl, theirs)):
                t0 = time.perf_counter()
                subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                out.append(time.perf_counter() - t0)
        ratio = statistics.median(ours) / statistics.median(theirs)
        print(f"search {term!r}: studylog {spread(ours)}; jrnl -contains {spread(theirs)}; "
              f"{ratio:.2f}× (budget ≤ 0.05×)")


if __name__ == "__main__":
    main()
