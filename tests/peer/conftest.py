"""Real git repositories for the peer tests: a bare "remote" and a clone per member, each
member with their own git identity (per-repository config). HOME and GIT_CONFIG_GLOBAL point
into the test's folder, so the machine's git config is never read or written."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.peer import solutions

FILES = {
    "alice": {"alice/2667.c": solutions.ALICE_C, "alice/2667_first_try.py": solutions.ALICE_BROKEN_PY},
    "bob": {"bob/2667.py": solutions.BOB_PY},
    "carol": {"carol/2667.cpp": solutions.CAROL_CPP},
}


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd``; fail the test when git fails; return its stdout."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


@dataclass
class TeamRepos:
    """The bare remote and each member's clone."""

    remote: Path
    clones: dict[str, Path]

    def clone(self, member: str) -> Path:
        """Clone the remote for ``member`` (their own identity), once."""
        if member not in self.clones:
            path = self.remote.parent / f"clone-{member}"
            git(self.remote.parent, "clone", "-q", str(self.remote), str(path))
            git(path, "config", "user.name", member)
            git(path, "config", "user.email", f"{member}@team.example")
            self.clones[member] = path
        return self.clones[member]


@pytest.fixture(scope="session")
def test_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One test cache for the session: 2667's reference outputs are built once."""
    return tmp_path_factory.mktemp("studylog-cache")


@pytest.fixture
def gitenv(home: Path, test_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private HOME and global git config for this test."""
    fake_home = home / "home"
    fake_home.mkdir()
    (fake_home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n")
    monkeypatch.setenv("HOME", str(fake_home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(fake_home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("STUDYLOG_CACHE", str(test_cache))
    monkeypatch.setenv("STUDYLOG_CONFIG", str(home / "config.toml"))
    return fake_home


@pytest.fixture
def team(gitenv: Path, home: Path) -> TeamRepos:
    """A remote with alice's, bob's and carol's solutions, each pushed from their own clone."""
    remote = home / "remote.git"
    git(home, "init", "-q", "--bare", "-b", "main", str(remote))
    repos = TeamRepos(remote, {})
    for member, files in FILES.items():
        path = repos.clone(member)
        if member != "alice":
            git(path, "pull", "-q")
        for rel, text in files.items():
            (path / rel).parent.mkdir(parents=True, exist_ok=True)
            (path / rel).write_text(text)
        git(path, "add", "-A")
        git(path, "commit", "-q", "-m", f"{member}: 2667")
        git(path, "push", "-q", "origin", "HEAD:main")
    git(repos.clones["alice"], "pull", "-q", "origin", "main")
    git(repos.clones["alice"], "branch", "-q", "--set-upstream-to=origin/main")
    return repos
