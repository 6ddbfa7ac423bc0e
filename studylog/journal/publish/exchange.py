"""Export days as blog posts, markdown or JSON, and import them back without losing a line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from studylog.config import Settings
from studylog.errors import UserError
from studylog.journal.day import find_tags, load_day, one_line
from studylog.journal.labels import course_week_day, date_of, default_title, labels_for
from studylog.journal.publish.parse import ParsedDay, parse_day
from studylog.journal.publish.post import export_blog, export_markdown, known_generated_lines
from studylog.journal.publish.schema import JSON_VERSION, ExportDoc, parse_export
from studylog.journal.sections import KEYS
from studylog.journal.textin import read_text_file
from studylog.store import bulk, revisions, transaction, transfer
from studylog.store import days as q
from studylog.store.bulk import NewDay, NewEntry, NewTodo
from studylog.words import Lang, say

FORMATS = ("blog", "markdown", "json")
__all__ = ["FORMATS", "JSON_VERSION", "ImportReport", "export_json", "export_text",
           "import_paths", "recorded_dates"]


def recorded_dates(db: sqlite_utils.Database, since: str | None = None,
                   until: str | None = None) -> list[str]:
    """The days that have a record, oldest first, within the optional bounds (what to export)."""
    return q.dates(db, since, until)


def export_text(db: sqlite_utils.Database, date: str, fmt: str, settings: Settings, lang: Lang,
                study_lines: Sequence[str] = (), *, detail: bool = False) -> str:
    """One day as a blog post or markdown in ``lang``; ``study_lines`` (the day's carried items
    and due reviews, from the caller: ``studylog.study.study_todos.export_lines``) go under its
    to-dos; ``detail`` lists every training run (else one line per experiment)."""
    export = export_blog if fmt == "blog" else export_markdown
    return export(db, date, settings, lang, study_lines, detail=detail)


def export_json(db: sqlite_utils.Database, dates: list[str], settings: Settings) -> dict:
    """Everything about the given days as one JSON document (for backup and scripts)."""
    out = []
    for date in dates:
        row = q.get_day(db, date)
        labels = labels_for(db, date, settings)
        out.append({
            "date": date,
            "overrides": {k: getattr(row, k) if row else None
                          for k in ("title", "week", "day", "record_no")},
            "labels": {"title": labels.title, "week": labels.week, "day": labels.day,
                       "record_no": labels.record_no},
            "entries": [
                {"section": e.section, "title": e.title, "body": e.body, "created": e.created,
                 "updated": e.updated}
                for e in q.entries(db, date)
            ],
            "todos": [
                {"text": t.text, "created": t.created, "done_at": t.done_at, "done": t.done}
                for t in q.todos(db, date)
            ],
            "attempts": transfer.dump_attempts(db, date),
            "runs": transfer.dump_runs(db, date),
        })
    return {"studylog": JSON_VERSION, "days": out}


@dataclass
class ImportReport:
    """What an import did (or, with --dry-run, would do) for one day."""

    source: str
    date: str
    entries: dict[str, int] = field(default_factory=dict)  # section -> lines added
    todos: int = 0
    attempts: int = 0
    runs: int = 0
    skipped_notes: int = 0  # section texts (or JSON notes) already stored on that day
    skipped_todos: int = 0  # to-dos already on that day
    same_as: str | None = None  # the same post is already stored on this other day: not imported
    record_no: int | None = None  # the post's record number (학습기록 N), when it has one

    @property
    def skipped(self) -> int:
        """Pieces already present (notes and to-dos)."""
        return self.skipped_notes + self.skipped_todos

    def summary(self, lang: Lang = "en", dry_run: bool = False) -> str:
        """One line for the terminal, in ``lang``."""
        from studylog.journal.words import import_line

        return import_line(self, lang, dry_run)


_DATE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?!\d)")


def _date_for(parsed: ParsedDay, given: str | None, settings: Settings, source: str) -> str:
    """The day a post goes to: --date, its front matter's date, a file name that starts with
    YYYY-MM-DD, else its title's week/day counted from course.start."""
    if given:
        return given
    if parsed.date:
        try:
            return dt.date.fromisoformat(parsed.date).isoformat()
        except ValueError:
            raise UserError(say(f"{source}: front matter의 날짜 {parsed.date!r}이(가) 잘못되었습니다",
                                f"{source}: bad date {parsed.date!r} in its front matter")) from None
    named = _DATE_NAME.match(Path(source).name)
    if named:
        try:
            return dt.date.fromisoformat(named.group(1)).isoformat()
        except ValueError:
            pass  # 2026-13-40.txt: not a date after all
    if parsed.week and parsed.day:
        date = date_of(parsed.week, parsed.day, settings)
        if date:
            return date
    raise UserError(say(
        f"{source}의 날짜를 알 수 없습니다; --date YYYY-MM-DD 를 주세요 "
        "(아니면 course.start를 설정해서 제목의 주차/일차로 날짜를 정하세요)",
        f"cannot tell the date of {source}; pass --date YYYY-MM-DD "
        "(or set course.start so week/day in the title give it)"
    ))


def _merge_day(db: sqlite_utils.Database, parsed: ParsedDay, date: str, settings: Settings,
               lang: Lang, report: ImportReport) -> None:
    """Add what ``parsed`` has and the day lacks (all inside the caller's transaction)."""
    q.ensure_day(db, date)
    wd = course_week_day(date, settings)
    if parsed.week and parsed.day and (parsed.week, parsed.day) != wd:
        q.set_day_fields(db, date, week=parsed.week, day=parsed.day)
    day = load_day(db, date, settings)
    if parsed.title and parsed.title != default_title(settings, day.week, day.day, date):
        q.set_day_fields(db, date, title=parsed.title)
    if parsed.record_no is not None and parsed.record_no != day.record_no:
        q.set_day_fields(db, date, record_no=parsed.record_no)
    known = {t.text for t in day.todos}
    for text, done in parsed.todos:
        if text in known:
            report.skipped_todos += 1
            continue
        q.add_todo(db, date, text, done)
        known.add(text)
        report.todos += 1
    generated = known_generated_lines(day, lang)
    for key in KEYS:
        text = parsed.sections.get(key, "")
        gen = generated.get(key, set())
        if gen:  # lines we generate from the day's attempts/runs are not stored twice
            text = "\n".join(ln for ln in text.split("\n") if ln not in gen).strip("\n")
        if not text.strip():
            continue
        have = day.sections.get(key, "")
        if text == have or (have and text in have):
            report.skipped_notes += 1
            continue
        if have and text.startswith(have + "\n"):  # the post grew since: add just the rest
            text = text[len(have) + 1 :].strip("\n")
        q.add_entry(db, date, key, text, tags=find_tags(text))
        revisions.snapshot(db, date, key, "import")
        report.entries[key] = len(text.splitlines())


def _import_json(db: sqlite_utils.Database, doc: ExportDoc, source: str,
                 reports: list[ImportReport]) -> None:
    """Add what a checked export has and the database lacks (inside the caller's transaction)."""
    for d in doc.days:
        date = d.date
        report = ImportReport(source, date)
        overrides = d.overrides.given()
        if "title" in overrides:
            overrides["title"] = one_line(str(overrides["title"]))
        if overrides or d.entries or d.todos or d.attempts or d.runs:  # an empty day stays unwritten
            q.ensure_day(db, date)
        if overrides:
            q.set_day_fields(db, date, **overrides)
        have = {(e.section, e.title, e.body) for e in q.entries(db, date)}
        for e in d.entries:
            if (e.section, e.title, e.body) in have:
                report.skipped_notes += 1
                continue
            q.add_entry(db, date, e.section, e.body, title=one_line(e.title),
                        created=e.created, updated=e.updated,
                        tags=find_tags(f"{e.title}\n{e.body}"))
            revisions.snapshot(db, date, e.section, "import")
            report.entries[e.section] = report.entries.get(e.section, 0) + len(
                e.body.splitlines())
        known = {t.text for t in q.todos(db, date)}
        for t in d.todos:
            if t.text in known:
                report.skipped_todos += 1
                continue
            q.add_todo(db, date, one_line(t.text), t.done, t.created, t.done_at)
            report.todos += 1
        report.attempts = sum(transfer.restore_attempt(db, a) for a in d.attempts)
        report.runs = sum(transfer.restore_run(db, r) for r in d.runs)
        reports.append(report)


def import_paths(db: sqlite_utils.Database, paths: list[Path], settings: Settings, lang: Lang, *,
                 date: str | None = None, dry_run: bool = False) -> list[ImportReport]:
    """Import posts, markdown files and JSON exports, all in one transaction.

    ``lang`` is the language of the lines studylog generated in a post (the day's attempts and
    runs): they are recognised and not stored twice.

    With ``dry_run`` everything is done and then rolled back, so the report shows exactly what
    would change. Any error leaves the database unchanged.
    """
    if date and len(paths) > 1:
        raise UserError(say("--date는 파일 하나에만 씁니다; 파일을 하나씩 가져오세요",
                            "--date applies to one file; import the files one at a time"))
    paths = posts_in(paths)
    texts = [(p, read_text_file(p)) for p in paths]  # read all first: a bad file changes nothing
    reports: list[ImportReport] = []

    class _DryRun(Exception):
        pass

    posts = _read_posts(texts, date, settings)  # every JSON export checked whole, every post dated
    try:
        with transaction(db):
            _import_posts(db, posts, settings, lang, reports, check_same=date is None)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return reports


POST_SUFFIXES = (".txt", ".md", ".markdown", ".json")  # what `export -o FOLDER` writes, and JSON


def posts_in(paths: Sequence[Path]) -> list[Path]:
    """``paths`` with each folder replaced by the posts in it (its ``.txt``, ``.md`` and ``.json``
    files, by name: `export -o FOLDER` writes one per day); a folder with none is refused."""
    out: list[Path] = []
    for path in paths:
        if str(path) == "-" or not path.is_dir():
            out.append(path)
            continue
        try:
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in POST_SUFFIXES
                           and not p.name.startswith(".") and not p.is_dir())
        except OSError as exc:
            raise UserError(say(f"{path} 폴더를 읽을 수 없습니다: {exc.strerror}",
                                f"cannot read the folder {path}: {exc.strerror}")) from None
        if not found:
            raise UserError(say(f"{path}: 폴더에 가져올 파일(.txt .md .json)이 없습니다",
                                f"{path}: the folder holds no file to import (.txt .md .json)"))
        out.extend(found)
    return out


@dataclass
class _Post:
    """One file to import: a JSON export, or a post parsed with the day it goes to."""

    source: str
    doc: ExportDoc | None = None
    parsed: ParsedDay | None = None
    date: str = ""


def _read_posts(texts: list[tuple[Path, str]], date: str | None,
                settings: Settings) -> list[_Post]:
    """Parse every file and date every post (before anything is written)."""
    posts: list[_Post] = []
    for path, text in texts:
        if text.lstrip().startswith("{"):  # a JSON export: its whole shape checked before a write
            posts.append(_Post(str(path), doc=parse_export(text, str(path))))
            continue
        parsed = parse_day(text)
        if not parsed.line_count() and not parsed.title:
            raise UserError(say(f"{path}: 가져올 것이 없습니다 (파일이 비어 있습니다)",
                                f"{path}: nothing to import (the file is empty)"))
        posts.append(_Post(str(path), parsed=parsed,
                           date=_date_for(parsed, date, settings, str(path))))
    return posts


class _Stored:
    """What is already stored, to find a post that is already on another day: the days' record
    numbers and their section texts (read once per import, kept up to date as posts land)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.number_of: dict[str, int] | None = None
        self.numbers: dict[int, set[str]] = {}
        self.bodies: dict[tuple[str, str], set[str]] = {}
        self.titles: dict[str, str] = {}  # the days this import adds: their posts' titles

    def _load(self) -> dict[str, int]:
        if self.number_of is None:
            self.number_of = bulk.record_numbers(self.db)
            for d, n in self.number_of.items():
                self.numbers.setdefault(n, set()).add(d)
            self.bodies = bulk.section_bodies(self.db)
        return self.number_of

    def same_post(self, parsed: ParsedDay, date: str, settings: Settings) -> str | None:
        """Another day that holds this post: every section's text the same (and the same record
        number, when the post has one), or the same record number under the same title."""
        number_of = self._load()
        sections = [(k, t) for k, t in parsed.sections.items() if t.strip()]
        if sections:
            found: set[str] = set(self.bodies.get(sections[0], set()))
            for key in sections[1:]:
                found &= self.bodies.get(key, set())
            for other in sorted(found - {date}):
                if parsed.record_no is None or number_of.get(other) in (None, parsed.record_no):
                    return other
        if parsed.record_no is not None and parsed.title:
            for other in sorted(self.numbers.get(parsed.record_no, set()) - {date}):
                title = self.titles.get(other) or labels_for(self.db, other, settings).title
                if title == parsed.title:
                    return other
        return None

    def add(self, parsed: ParsedDay, date: str) -> None:
        """Remember a post just imported on ``date``."""
        if self.number_of is None:
            return
        if parsed.title:
            self.titles[date] = parsed.title
        if parsed.record_no is not None:
            self.number_of[date] = parsed.record_no
            self.numbers.setdefault(parsed.record_no, set()).add(date)
        for key, text in parsed.sections.items():
            self.bodies.setdefault((key, text), set()).add(date)


def _new_day(parsed: ParsedDay, date: str, settings: Settings, report: ImportReport) -> NewDay:
    """A post for a day not yet stored, as rows (its labels kept where they differ from the
    computed ones; its record number always, as the anchor of the days after it)."""
    wd = course_week_day(date, settings)
    week = day = None
    if parsed.week and parsed.day and (parsed.week, parsed.day) != wd:
        week, day = parsed.week, parsed.day
    shown_week = week or (wd[0] if wd else None)
    shown_day = day or (wd[1] if wd else None)
    title = None
    if parsed.title and parsed.title != default_title(settings, shown_week, shown_day, date):
        title = parsed.title
    entries = []
    for key in KEYS:
        text = parsed.sections.get(key, "")
        if text.strip():
            entries.append(NewEntry(key, text, tuple(find_tags(text))))
            report.entries[key] = len(text.splitlines())
    todos = []
    seen: set[str] = set()
    for text, done in parsed.todos:
        if text in seen:
            report.skipped_todos += 1
            continue
        seen.add(text)
        todos.append(NewTodo(text, done))
    report.todos = len(todos)
    return NewDay(date, title, week, day, parsed.record_no, entries, todos)


def _import_posts(db: sqlite_utils.Database, posts: list[_Post], settings: Settings, lang: Lang,
                  reports: list[ImportReport], *, check_same: bool) -> None:
    """Import every post: new days in one batch (:func:`studylog.store.bulk.insert_days`), the
    rest merged into the day already there, JSON exports as they come."""
    stored = _Stored(db)
    have = bulk.existing_dates(db, [p.date for p in posts if p.parsed is not None])
    by_source: dict[int, ImportReport] = {}
    new_days: list[NewDay] = []
    later: list[tuple[int, _Post]] = []
    for i, post in enumerate(posts):
        if post.parsed is None:
            later.append((i, post))
            continue
        report = ImportReport(post.source, post.date, record_no=post.parsed.record_no)
        by_source[i] = report
        if check_same:
            report.same_as = stored.same_post(post.parsed, post.date, settings)
            if report.same_as:
                continue
        stored.add(post.parsed, post.date)
        if post.date in have:
            later.append((i, post))
            continue
        have.add(post.date)
        new_days.append(_new_day(post.parsed, post.date, settings, report))
    bulk.insert_days(db, new_days)
    json_reports: dict[int, list[ImportReport]] = {}
    for i, post in later:
        if post.doc is not None:
            json_reports[i] = []
            _import_json(db, post.doc, post.source, json_reports[i])
        elif post.parsed is not None:
            _merge_day(db, post.parsed, post.date, settings, lang, by_source[i])
    for i in range(len(posts)):
        if i in json_reports:
            reports.extend(json_reports[i])
        elif i in by_source:
            reports.append(by_source[i])
