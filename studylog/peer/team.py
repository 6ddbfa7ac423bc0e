"""A team folder: the team's shared repository, read as it is.

The layout is detected (or stated in ``studylog-team.toml``)::

    member layout    <member>/<problem>.<ext>     alice/2667.py, bob/boj_2667.cpp, carol/2667/dfs.c
    problem layout   <problem>/<member>.<ext>     2667/alice.py, 2667/bob/main.cpp

Top-level folders named by numbers (BOJ problem ids) mean the problem layout; otherwise each
top-level folder is a member. ``studylog-team.toml`` may say ``layout = "member"`` or
``"problem"``, ``name = "..."`` and ``members = [...]`` (only those folders count). The
team's name (which keys its comments) is the toml's, else the origin repository's, else the
folder's. Hidden folders and ``studylog-peer/`` (what ``peer publish`` writes) are never
solutions.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from studylog.errors import UserError
from studylog.peer import gitops
from studylog.words import say

TEAM_FILE = "studylog-team.toml"
PUBLISH_DIR = "studylog-peer"
SOURCE_EXTS = (".py", ".c", ".cpp", ".cc", ".cxx", ".java")
LAYOUTS = ("member", "problem")


@dataclass(frozen=True)
class Solution:
    """One member's solution file to one problem."""

    member: str
    problem_id: str
    path: Path  # absolute
    rel: str  # relative to the team folder, with /

    def text(self) -> str:
        """The file's text."""
        return self.path.read_text(encoding="utf-8", errors="replace")


@dataclass(frozen=True)
class Team:
    """A team folder: its root, name, layout and (when stated) its members."""

    root: Path
    name: str
    layout: str
    members: tuple[str, ...] = ()
    is_git: bool = True

    def _member_dirs(self) -> list[Path]:
        dirs = [d for d in sorted(self.root.iterdir()) if d.is_dir() and _visible(d.name)]
        return [d for d in dirs if not self.members or d.name in self.members]

    def solutions(self, problem_id: str) -> list[Solution]:
        """Every member's solution files to ``problem_id``, by member then path."""
        found: list[Solution] = []
        if self.layout == "problem":
            folder = self.root / problem_id
            if folder.is_dir():
                for p in _sources(folder):
                    parts = p.relative_to(folder).parts
                    member = parts[0] if len(parts) > 1 else p.stem
                    if not self.members or member in self.members:
                        found.append(self._solution(member, problem_id, p))
        else:
            token = _token(problem_id)
            for d in self._member_dirs():
                for p in _sources(d):
                    inner = p.relative_to(d).with_suffix("").parts
                    if any(token.search(part) for part in inner):
                        found.append(self._solution(d.name, problem_id, p))
        return sorted(found, key=lambda s: (s.member, s.rel))

    def member_solutions(self, member: str) -> list[Solution]:
        """Every solution file of ``member``, to any problem."""
        if self.layout == "problem":
            folders = [d for d in sorted(self.root.iterdir()) if d.is_dir() and _visible(d.name)]
            return [s for d in folders for s in self.solutions(d.name) if s.member == member]
        folder = self.root / member
        return [self.locate(p) for p in _sources(folder)] if folder.is_dir() else []

    def locate(self, path: Path) -> Solution:
        """Which member's solution to which problem ``path`` is; UserError when it is none."""
        path = path.resolve()
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            raise UserError(say(f"{path}는 팀 폴더 {self.root} 안에 있지 않습니다",
                                f"{path} is not in the team folder {self.root}")) from None
        if len(parts) < 2 or path.suffix.lower() not in SOURCE_EXTS or not _visible(parts[0]):
            shape = "<problem>/<member>" if self.layout == "problem" else "<member>/<problem>"
            raise UserError(say(f"{path}는 팀 폴더의 풀이 파일이 아닙니다 ({shape}.<ext>)",
                                f"{path} is not a solution file of the team folder "
                                f"({shape}.<ext>)"))
        if self.layout == "problem":
            member = parts[1] if len(parts) > 2 else path.stem
            return self._solution(member, parts[0], path)
        match = re.search(r"\d+", path.stem) or next(
            (m for part in parts[1:-1] if (m := re.search(r"\d+", part))), None)
        problem = match.group(0) if match else path.stem
        return self._solution(parts[0], problem, path)

    def _solution(self, member: str, problem_id: str, path: Path) -> Solution:
        return Solution(member, problem_id, path, path.relative_to(self.root).as_posix())


def _visible(name: str) -> bool:
    return not name.startswith((".", "_")) and name != PUBLISH_DIR


def _sources(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_EXTS
                  and all(_visible(part) for part in p.relative_to(folder).parts))


def _token(problem_id: str) -> re.Pattern[str]:
    """The problem id as a whole token of a file or folder name (2667 in boj_2667, not 12667)."""
    if problem_id.isdigit():
        return re.compile(rf"(?<!\d){re.escape(problem_id)}(?!\d)")
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(problem_id)}(?![A-Za-z0-9])")


def find_team(start: Path) -> Team:
    """The team folder holding ``start`` (a git work tree, or a folder with
    ``studylog-team.toml``); UserError when ``start`` is in none."""
    start = start.expanduser()
    if not start.exists():
        raise UserError(say(f"그런 폴더가 없습니다: {start}", f"no such folder: {start}"))
    here = (start if start.is_dir() else start.parent).resolve()
    stated = next((d for d in (here, *here.parents) if (d / TEAM_FILE).is_file()), None)
    top = gitops.toplevel(here)
    root = stated or top
    if root is None:
        raise UserError(say(f"{start}는 팀 폴더가 아닙니다: git 저장소 안이 아니고 "
                            f"{TEAM_FILE}도 없습니다",
                            f"{start} is not a team folder: not in a git repository and no "
                            f"{TEAM_FILE}"))
    meta = _read_meta(root / TEAM_FILE) if stated else {}
    layout = str(meta.get("layout", "")) or _detect_layout(root)
    if layout not in LAYOUTS:
        raise UserError(say(f"{root / TEAM_FILE}: layout은 member나 problem이어야 합니다 "
                            f"({layout!r}가 아닙니다)",
                            f"{root / TEAM_FILE}: layout must be member or problem, not "
                            f"{layout!r}"))
    members = meta.get("members", [])
    if not isinstance(members, list) or not all(isinstance(m, str) and m.strip()
                                                for m in members):
        raise UserError(say(f"{root / TEAM_FILE}: members는 이름의 목록이어야 합니다 "
                            f"(예: members = [\"alice\", \"bob\"])",
                            f"{root / TEAM_FILE}: members must be a list of names "
                            f"(e.g. members = [\"alice\", \"bob\"])"))
    name = meta.get("name", "")
    if not isinstance(name, str):
        raise UserError(say(f"{root / TEAM_FILE}: name은 문자열이어야 합니다 (예: name = \"team3\")",
                            f"{root / TEAM_FILE}: name must be a string (e.g. name = \"team3\")"))
    return Team(root, name or _repo_name(root, top), layout, tuple(members),
                is_git=top is not None)


def _repo_name(root: Path, top: Path | None) -> str:
    """The team's name: its origin repository's (so every clone agrees), else the folder's."""
    url = gitops.config(top, "remote.origin.url") if top is not None else ""
    name = url.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].removesuffix(".git")
    return name or root.name


def _read_meta(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(say(f"{path}는 올바른 TOML이 아닙니다: {exc}",
                            f"{path} is not valid TOML: {exc}")) from None


def _detect_layout(root: Path) -> str:
    dirs = [d for d in root.iterdir() if d.is_dir() and _visible(d.name)]
    return "problem" if dirs and sum(d.name.isdigit() for d in dirs) * 2 >= len(dirs) else "member"
