"""git, through the ``git`` command (``subprocess``), for the team folder.

Why the command and not a library: the git CLI is installed wherever a team already shares a
repository, it uses the user's own identity, credential helpers, SSH keys and hooks exactly as
their ``git push`` does, and it adds no dependency (a library such as GitPython or pygit2 would
either shell out anyway or need its own credential setup). Prompts are switched off
(``GIT_TERMINAL_PROMPT=0``), so a push that needs a password fails instead of hanging.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from studylog.errors import UserError
from studylog.words import say

TIMEOUT_S = 120


@dataclass(frozen=True)
class GitResult:
    """What one git command did: its exit code and output."""

    code: int
    out: str
    err: str

    @property
    def ok(self) -> bool:
        """Whether git exited 0."""
        return self.code == 0

    def last_line(self) -> str:
        """git's error in one line: its first ``fatal:``/``error:`` line, else its last line."""
        lines = [ln.strip() for ln in (self.err + "\n" + self.out).splitlines() if ln.strip()]
        errors = [ln.split(":", 1)[1].strip() for ln in lines
                  if ln.startswith(("fatal:", "error:")) and ":" in ln]
        return errors[0] if errors else (lines[-1] if lines else f"git exit {self.code}")


@dataclass(frozen=True)
class Identity:
    """The user's git identity in a repository."""

    name: str
    email: str


def git(root: Path, *args: str, timeout: float = TIMEOUT_S) -> GitResult:
    """Run ``git -C root ARGS`` (no prompts); a missing git is a UserError."""
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        done = subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off", *args],
                              capture_output=True, text=True, encoding="utf-8",
                              errors="replace", env=env, timeout=timeout)
    except FileNotFoundError:
        raise UserError(say("피어 세션에는 git이 필요한데 설치되어 있지 않습니다",
                            "the peer session needs git, which is not installed")) from None
    except subprocess.TimeoutExpired:
        return GitResult(124, "", say(f"git {args[0]}가 {timeout:.0f} s 넘게 걸렸습니다",
                                      f"git {args[0]} took longer than {timeout:.0f} s"))
    return GitResult(done.returncode, done.stdout, done.stderr)


def toplevel(path: Path) -> Path | None:
    """The root of the git work tree holding ``path``, or None."""
    res = git(path, "rev-parse", "--show-toplevel")
    return Path(res.out.strip()) if res.ok and res.out.strip() else None


def identity(root: Path) -> Identity:
    """The user's git identity (``user.name``, ``user.email``); UserError when unset."""
    name = git(root, "config", "user.name").out.strip()
    email = git(root, "config", "user.email").out.strip()
    if not name:
        raise UserError(say(f"{root}의 git에 user.name이 없습니다; "
                            f"git config user.name '이름' 으로 정하세요",
                            f"git has no user.name in {root}; set it with "
                            f"git config user.name 'Your Name'"))
    return Identity(name, email)


def config(root: Path, key: str) -> str:
    """A git config value ("" when unset)."""
    return git(root, "config", key).out.strip()


def commit(root: Path, paths: list[Path], message: str) -> str:
    """Stage ``paths`` and commit them (only them); returns the new commit's short hash, or ""
    when nothing changed."""
    rel = [str(p.relative_to(root)) for p in paths]
    if not rel:
        return ""
    res = git(root, "add", "--", *rel)
    if not res.ok:
        raise UserError(say(f"git add 가 실패했습니다: {res.last_line()}",
                            f"git add failed: {res.last_line()}"))
    if git(root, "diff", "--cached", "--quiet", "--", *rel).ok:
        return ""
    res = git(root, "commit", "-q", "-m", message, "--", *rel)
    if not res.ok:
        raise UserError(say(f"git commit 이 실패했습니다: {res.last_line()}",
                            f"git commit failed: {res.last_line()}"))
    return git(root, "rev-parse", "--short", "HEAD").out.strip()


def has_upstream(root: Path) -> bool:
    """Whether the current branch has a remote to pull from and push to."""
    return git(root, "rev-parse", "--abbrev-ref", "@{upstream}").ok or bool(
        git(root, "remote").out.strip())


def pull(root: Path) -> GitResult:
    """``git pull --rebase --autostash`` (others' files never touch ours, so the rebase never
    conflicts; the user's unrelated edits are stashed around it; a failed rebase is aborted so
    the folder is left as it was). A remote without the branch yet has nothing to pull: done."""
    res = git(root, "pull", "--rebase", "--autostash", "-q")
    if not res.ok and (root / ".git" / "rebase-merge").exists():
        git(root, "rebase", "--abort")
    if not res.ok and not _remote_has_branch(root):  # a new, empty team repository
        return GitResult(0, "", "")
    return res


def _remote_and_branch(root: Path) -> tuple[str, str]:
    """The remote the current branch pushes to and the branch's name."""
    branch = git(root, "rev-parse", "--abbrev-ref", "HEAD").out.strip() or "HEAD"
    remote = (git(root, "config", f"branch.{branch}.remote").out.strip()
              or (git(root, "remote").out.split() or ["origin"])[0])
    return remote, branch


def _remote_has_branch(root: Path) -> bool:
    """Whether the remote holds the current branch yet (a team repository just made on the
    hosting site has none: there is nothing to pull, and the first push makes it). A remote
    that cannot be reached counts as having it, so the pull's own error is what is said."""
    remote, branch = _remote_and_branch(root)
    res = git(root, "ls-remote", "--heads", remote, branch)
    return not res.ok or bool(res.out.strip())


def push(root: Path) -> GitResult:
    """``git push`` of the current branch (setting its upstream on the first push)."""
    remote, branch = _remote_and_branch(root)
    return git(root, "push", "-q", "-u", remote, branch)
