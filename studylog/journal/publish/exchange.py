"""Export days as blog posts, markdown or JSON, and import them back without losing a line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from studylog.config import Settings
from studylog.errors import UserError
from studylog.journal.day import find_tags, load_day, one_line
from studylog.journal.labels import course_week_day, date_of, default_title, labels_for
from studylog.journal.publish.parse import ParsedDay, parse_day
from studylog.journal.publish.post import export_blog, export_markdown, generated_lines
from studylog.journal.publish.schema import JSON_VERSION, ExportDoc, parse_export
from studylog.journal.sections import KEYS
from studylog.journal.textin import read_text_file
from studylog.store import days as q
from studylog.store import revisions, transaction, transfer
from studylog.words import Lang

FORMATS = ("blog", "markdown", "json")
__all__ = ["FORMATS", "JSON_VERSION", "ImportReport", "export_json", "export_text",
           "import_paths", "recorded_dates"]


def recorded_dates(db: sqlite_utils.Database, since: str | None = None,
                   until: str | None = None) -> list[str]:
    """The days that have a record, oldest first, within the optional bounds (what to export)."""
    return q.dates(db, since, until)


def export_text(db: sqlite_utils.Database, date: str, fmt: str, settings: Settings, lang: Lang,
                study_lines: Sequence[str] = ()) -> str:
    """One day as a blog post or markdown in ``lang``; ``study_lines`` (the day's carried items
    and due reviews, from the caller: ``studylog.study.study_todos.export_lines``) go under its
    to-dos."""
    export = export_blog if fmt == "blog" else export_markdown
    return export(db, date, settings, lang, study_lines)


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
    skipped: int = 0  # pieces already present

    def summary(self) -> str:
        """One line for the terminal."""
        parts = [f"{k} {n} line{'s' if n != 1 else ''}" for k, n in self.entries.items()]
        if self.todos:
            parts.append(f"{self.todos} to-do{'s' if self.todos != 1 else ''}")
        if self.attempts:
            parts.append(f"{self.attempts} attempts")
        if self.runs:
            parts.append(f"{self.runs} runs")
        if self.skipped:
            parts.append(f"{self.skipped} already there")
        return f"{self.date} ← {self.source}: {', '.join(parts) or 'nothing new'}"


def _date_for(parsed: ParsedDay, given: str | None, settings: Settings, source: str) -> str:
    if given:
        return given
    if parsed.date:
        try:
            return dt.date.fromisoformat(parsed.date).isoformat()
        except ValueError:
            raise UserError(f"{source}: bad date {parsed.date!r} in its front matter") from None
    if parsed.week and parsed.day:
        date = date_of(parsed.week, parsed.day, settings)
        if date:
            return date
    raise UserError(
        f"cannot tell the date of {source}; pass --date YYYY-MM-DD "
        "(or set course.start so week/day in the title give it)"
    )


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
            report.skipped += 1
            continue
        q.add_todo(db, date, text, done)
        known.add(text)
        report.todos += 1
    generated = generated_lines(day, lang)
    for key in KEYS:
        text = parsed.sections.get(key, "")
        gen = set(generated.get(key, []))
        if gen:  # lines we generate from the day's attempts/runs are not stored twice
            text = "\n".join(ln for ln in text.split("\n") if ln not in gen).strip("\n")
        if not text.strip():
            continue
        have = day.sections.get(key, "")
        if text == have or (have and text in have):
            report.skipped += 1
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
        q.ensure_day(db, date)
        if overrides:
            q.set_day_fields(db, date, **overrides)
        have = {(e.section, e.title, e.body) for e in q.entries(db, date)}
        for e in d.entries:
            if (e.section, e.title, e.body) in have:
                report.skipped += 1
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
                report.skipped += 1
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
        raise UserError("--date applies to one file; import the files one at a time")
    texts = [(p, read_text_file(p)) for p in paths]  # read all first: a bad file changes nothing
    # ... and check every JSON export whole before the first write
    docs = {i: parse_export(text, str(p)) for i, (p, text) in enumerate(texts)
            if text.lstrip().startswith("{")}
    reports: list[ImportReport] = []

    class _DryRun(Exception):
        pass

    try:
        with transaction(db):
            for i, (path, text) in enumerate(texts):
                if i in docs:
                    _import_json(db, docs[i], str(path), reports)
                    continue
                parsed = parse_day(text)
                if not parsed.line_count() and not parsed.title:
                    raise UserError(f"{path}: nothing to import (the file is empty)")
                day = _date_for(parsed, date, settings, str(path))
                report = ImportReport(str(path), day)
                _merge_day(db, parsed, day, settings, lang, report)
                reports.append(report)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return reports
