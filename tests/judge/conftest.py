"""Shared fixtures: isolated cache/config/problem dirs and helpers that write solutions."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from studylog.judge.problems.bank import Problem, get_problem, load_problem
from studylog.judge.problems.cases import TestCase


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    """One test cache for the session (tests are built once per problem)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path, cache_dir):
    """Never touch the user's dirs: cache, config, user problems and DB go to tmp."""
    monkeypatch.setenv("STUDYLOG_CACHE", str(cache_dir))
    monkeypatch.setenv("STUDYLOG_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("STUDYLOG_PROBLEMS", str(tmp_path / "user-problems"))
    monkeypatch.setenv("STUDYLOG_DB", str(tmp_path / "db" / "s.db"))


@pytest.fixture
def write(tmp_path):
    """write(name, code) -> path of a solution file in tmp_path."""

    def _write(name: str, code: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(code).lstrip(), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def p2667() -> Problem:
    return get_problem("2667")


def samples(problem: Problem) -> list[TestCase]:
    """Only the samples (fast runs for verdict tests)."""
    return [TestCase(n, "sample", i, o) for n, i, o in problem.samples()]


@pytest.fixture
def tight(tmp_path) -> Problem:
    """A copy of 2667 with a 100 ms time limit and 64 MB (fast TLE/MLE tests)."""
    src = get_problem("2667").path
    dst = tmp_path / "tight"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
    toml = (dst / "problem.toml").read_text(encoding="utf-8")
    toml = toml.replace('id = "2667"', 'id = "9667"').replace("time_limit_ms = 1000",
                                                              "time_limit_ms = 100")
    toml = toml.replace("memory_mb = 128", "memory_mb = 64")
    (dst / "problem.toml").write_text(toml, encoding="utf-8")
    return load_problem(dst)


GOOD_PY = """
import sys
from collections import deque
data = sys.stdin.read().split()
n = int(data[0]); g = data[1:1 + n]
seen = [[False] * n for _ in range(n)]
sizes = []
for r in range(n):
    for c in range(n):
        if g[r][c] == '1' and not seen[r][c]:
            seen[r][c] = True; q = deque([(r, c)]); k = 0
            while q:
                a, b = q.popleft(); k += 1
                for x, y in ((a+1, b), (a-1, b), (a, b+1), (a, b-1)):
                    if 0 <= x < n and 0 <= y < n and g[x][y] == '1' and not seen[x][y]:
                        seen[x][y] = True; q.append((x, y))
            sizes.append(k)
print(len(sizes))
for s in sorted(sizes):
    print(s)
"""

# Only looks down and right: passes both samples, fails shapes that need a step up or left.
DOWN_RIGHT_PY = GOOD_PY.replace("(a-1, b), ", "").replace("(a, b-1)", "(a, b+1)")

GOOD_CPP = r"""
#include <bits/stdc++.h>
using namespace std;
int n; vector<string> g; vector<vector<int>> seen;
int main() {
    cin >> n; g.resize(n); for (auto &s : g) cin >> s;
    seen.assign(n, vector<int>(n, 0)); vector<int> sizes;
    for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) {
        if (g[r][c] != '1' || seen[r][c]) continue;
        int k = 0; queue<pair<int,int>> q; q.push({r, c}); seen[r][c] = 1;
        while (!q.empty()) {
            auto [a, b] = q.front(); q.pop(); k++;
            int d[4][2] = {{1,0},{-1,0},{0,1},{0,-1}};
            for (auto &e : d) { int x = a + e[0], y = b + e[1];
                if (x >= 0 && x < n && y >= 0 && y < n && g[x][y] == '1' && !seen[x][y]) {
                    seen[x][y] = 1; q.push({x, y}); } }
        }
        sizes.push_back(k);
    }
    sort(sizes.begin(), sizes.end());
    printf("%d\n", (int)sizes.size()); for (int s : sizes) printf("%d\n", s);
}
"""
