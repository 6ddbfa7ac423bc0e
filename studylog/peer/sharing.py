"""Publish and pull: the peer session shared through the team's git repository.

``peer publish`` writes, under ``studylog-peer/<me>/``, one markdown page per problem with my
solution(s) and my verdict, and ``comments.md`` with every comment I wrote (each with a hidden
``<!-- studylog-comment {...} -->`` line holding its anchor, so a pull can import it). It commits
only those files and my own solution files, rebases onto the remote (others only ever write
their own folders, so the rebase never conflicts) and pushes with the user's git identity. A
failed pull or push is one line; the commit stays in the local repository.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import sqlite_utils

from studylog.errors import UserError
from studylog.peer import gitops, words
from studylog.peer.comments import ROLES
from studylog.peer.judging import TeamJudgement
from studylog.peer.team import PUBLISH_DIR, Team
from studylog.store import peer as store
from studylog.words import Lang, say

MARK = "studylog-comment"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MARK_RE = re.compile(r"<!-- " + MARK + r" (\{.*?\}) -->")
FENCE = {".py": "python", ".c": "c", ".cpp": "cpp", ".cc": "cpp", ".cxx": "cpp", ".java": "java"}


@dataclass(frozen=True)
class SyncOutcome:
    """What a publish or pull did: files written, comments imported, and git's one line."""

    ok: bool
    line: str
    files: int = 0
    imported: int = 0
    commit: str = ""


def whoami(team: Team, override: str | None = None) -> str:
    """The user's member name: ``--as``, else git config ``studylog.member``, else
    ``user.name``."""
    name = override or gitops.config(team.root, "studylog.member") or \
        gitops.identity(team.root).name
    if "/" in name or name.startswith("."):
        raise UserError(say(f"멤버 이름이 잘못되었습니다: {name!r}", f"bad member name {name!r}"))
    return name


def _fenced(text: str, lang: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}{lang}\n{text.rstrip()}\n{fence}\n"


def _comment_block(c: store.CommentRow) -> str:
    data = {k: getattr(c, k) for k in ("uid", "problem_id", "member", "path", "line_start",
                                       "line_end", "quote", "file_hash", "body", "author",
                                       "role", "date", "created")}
    hidden = json.dumps(data, ensure_ascii=False).replace(">", "\\u003e")
    lines = f"{c.line_start}" if c.line_start == c.line_end else f"{c.line_start}-{c.line_end}"
    quote = "\n".join("> " + ln for ln in _fenced(c.quote, "").rstrip("\n").split("\n"))
    return (f"### {c.problem_id} · `{c.path}` L{lines}\n\n{quote}\n\n"
            f"**{c.author}** ({c.role}, {c.date}): {c.body}\n\n<!-- {MARK} {hidden} -->\n")


def write_pages(db: sqlite_utils.Database, team: Team, me: str) -> list[Path]:
    """Write my pages under ``studylog-peer/<me>/``; returns every file to commit."""
    folder = team.root / PUBLISH_DIR / me
    folder.mkdir(parents=True, exist_ok=True)
    mine = team.member_solutions(me)
    verdicts = {(r.problem_id, r.path): r for r in store.latest_results(db, team.name, me)}
    written: list[Path] = []
    for problem in sorted({s.problem_id for s in mine}):
        parts = [f"# {problem} · {me}\n"]
        for s in (s for s in mine if s.problem_id == problem):
            r = verdicts.get((problem, s.rel))
            seen = f" — {r.verdict} ({r.time_ms} ms, {r.date})" if r else ""
            parts.append(f"## `{s.rel}`{seen}\n\n" +
                         _fenced(s.text(), FENCE.get(s.path.suffix.lower(), "")))
        page = folder / f"{problem}.md"
        page.write_text("\n".join(parts), encoding="utf-8")
        written.append(page)
    own = store.comments(db, team=team.name, author=me, origin="mine")
    page = folder / "comments.md"
    page.write_text(f"# {me}: review comments\n\n" + "\n".join(_comment_block(c) for c in own),
                    encoding="utf-8")
    written.append(page)
    return written + [s.path for s in mine]


PUSH_TRIES = 4  # pull + push rounds when teammates publish at the same moment


def publish(db: sqlite_utils.Database, team: Team, me: str, lang: Lang = "ko") -> SyncOutcome:
    """Write my pages, commit them with my solutions, rebase onto the remote and push; a push
    refused because a teammate pushed in between is pulled and pushed again (everyone writes
    only their own folder, so the rebase never conflicts)."""
    if not team.is_git:
        raise UserError(say(f"{team.root}는 git 저장소가 아닙니다; publish 에는 저장소가 "
                            f"필요합니다",
                            f"{team.root} is not a git repository; publish needs one"))
    files = write_pages(db, team, me)
    sha = gitops.commit(team.root, files, f"studylog peer: {me}'s solutions and review comments")
    if not gitops.has_upstream(team.root):
        return SyncOutcome(False, words.git_line(lang, "no_remote_push"), len(files), 0, sha)
    for _ in range(PUSH_TRIES):  # a teammate who pushed between our pull and push: pull again
        pulled = gitops.pull(team.root)
        if not pulled.ok:
            return SyncOutcome(False, words.git_line(lang, "pull_before_push", pulled.last_line()),
                               len(files), 0, sha)
        pushed = gitops.push(team.root)
        if pushed.ok:
            break
    else:
        return SyncOutcome(False, words.git_line(lang, "push_failed", pushed.last_line()),
                           len(files), 0, sha)
    head = gitops.git(team.root, "rev-parse", "--short", "HEAD").out.strip()  # after the rebase
    return SyncOutcome(True, words.git_line(lang, "pushed", head), len(files), 0, head)


def read_comments(team: Team) -> list[store.CommentRow]:
    """Every published comment in the team folder."""
    found: list[store.CommentRow] = []
    root = team.root / PUBLISH_DIR
    for page in sorted(root.glob("*/comments.md")) if root.is_dir() else []:
        for m in _MARK_RE.finditer(page.read_text(encoding="utf-8", errors="replace")):
            try:
                row = _comment_row(json.loads(m.group(1)), team.name)
            except ValueError:  # json.JSONDecodeError is one
                row = None
            if row is not None:  # a hand-edited block that no longer fits is skipped
                found.append(row)
    return found


_TEXT_FIELDS = ("uid", "problem_id", "member", "path", "quote", "file_hash", "body", "author",
                "role", "date")
_MAX_LINE = 10_000_000


def _comment_row(data: object, team_name: str) -> store.CommentRow | None:
    """A published comment block as a row, or None when it is not one: a teammate's repository
    may hold anything (a string where a line number goes, a number past SQLite's INTEGER)."""
    if not isinstance(data, dict):
        return None
    text = {k: data.get(k) for k in _TEXT_FIELDS}
    start, end = data.get("line_start"), data.get("line_end")
    if not all(isinstance(v, str) for v in text.values()) or not text["uid"]:
        return None
    if not all(type(v) is int and 1 <= v <= _MAX_LINE for v in (start, end)):
        return None
    assert isinstance(start, int) and isinstance(end, int)
    if start > end or text["role"] not in ROLES or not _DATE_RE.fullmatch(str(text["date"])):
        return None
    created = data.get("created", "")
    return store.CommentRow(team=team_name, line_start=start, line_end=end,
                            created=created if isinstance(created, str) else "",
                            **{k: str(v) for k, v in text.items()})


def pull(db: sqlite_utils.Database, team: Team, me: str, lang: Lang = "ko") -> SyncOutcome:
    """``git pull`` then import the others' comments (each once, by its uid)."""
    if not team.is_git:
        raise UserError(say(f"{team.root}는 git 저장소가 아닙니다; pull 에는 저장소가 필요합니다",
                            f"{team.root} is not a git repository; pull needs one"))
    res = gitops.pull(team.root) if gitops.has_upstream(team.root) else None
    new = 0
    for c in read_comments(team):
        if c.author == me:
            continue
        origin = "received" if c.member == me else "pulled"
        if store.add_comment(db, replace(c, origin=origin)):
            new += 1
    if res is None:
        return SyncOutcome(False, words.git_line(lang, "no_remote_pull"), 0, new)
    if not res.ok:
        return SyncOutcome(False, words.git_line(lang, "pull_failed", res.last_line()), 0, new)
    return SyncOutcome(True, words.git_line(lang, "pulled"), 0, new)


def record_results(db: sqlite_utils.Database, team: Team, j: TeamJudgement, date: str) -> None:
    """Store each member's best verdict of a ``peer judge`` run (for the day's summary; the
    user's own row marked, so a peer's AC can bring the problem back for review)."""
    try:
        me = whoami(team)
    except UserError:
        me = ""
    store.save_results(db, [
        store.ResultRow(date, team.name, j.problem.id, row.member, row.best.language,
                        row.best.verdict, row.best.time_ms, row.best.solution.rel,
                        mine=row.member == me)
        for row in j.rows])
