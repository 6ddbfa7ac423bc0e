"""The JSON export's shape, checked whole before an import writes anything.

:func:`parse_export` turns the text of a ``studylog export -f json`` file into a typed
:class:`ExportDoc` or raises one :class:`~studylog.errors.UserError` naming the first bad field
(``days[2].entries[0].body: expected text, got a number``). Nothing reaches the database until
the whole document has passed: a version check (``"studylog": 99`` is refused), every date a real
day, every field of the type the export writes, nesting bounded.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from studylog.errors import UserError
from studylog.journal.sections import KEYS
from studylog.words import say

#: the export format this studylog writes and reads
JSON_VERSION = 1
#: deeper than this is not an export (json.loads would recurse once per level)
MAX_DEPTH = 64

_ATTEMPT_FIELDS: dict[str, tuple[type | tuple[type, ...], bool]] = {  # name -> (types, required)
    "problem_id": (str, True), "date": (str, True), "created": (str, True),
    "language": (str, True), "filename": (str, False), "code": (str, True),
    "verdict": (str, True), "passed": (int, True), "total": (int, True),
    "time_ms": (int, False), "memory_kb": (int, False), "tests_json": (str, False),
    "failure_json": (str, False), "title": (str, False), "title_en": (str, False),
}
_RUN_FIELDS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "date": (str, True), "created": (str, True), "finished": (str, False),
    "status": (str, True), "config_json": (str, True), "model": (str, True),
    "dataset": (str, True), "device": (str, False), "trainable_params": (int, False),
    "total_params": (int, False), "samples_per_s": ((int, float), False),
    "first_batch_s": ((int, float), False), "duration_s": ((int, float), False),
    "message": (str, False), "summary_json": (str, False), "epochs": (list, False),
}
_EPOCH_FIELDS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "epoch": (int, True), "train_loss": ((int, float), False), "val_loss": ((int, float), False),
    "val_acc": ((int, float), False), "val_f1": ((int, float), False),
    "lr": ((int, float), False), "seconds": ((int, float), False),
    "samples_per_s": ((int, float), False), "per_class_f1_json": (str, False),
}
_OVERRIDES = ("title", "week", "day", "record_no")
_DAY_KEYS = {"date", "overrides", "labels", "entries", "todos", "attempts", "runs"}


@dataclass(frozen=True)
class ExportEntry:
    """One note of a day."""

    section: str
    title: str
    body: str
    created: str | None
    updated: str | None


@dataclass(frozen=True)
class ExportTodo:
    """One to-do of a day."""

    text: str
    done: bool
    created: str | None
    done_at: str | None


@dataclass(frozen=True)
class ExportOverrides:
    """A day's label overrides (None: computed)."""

    title: str | None = None
    week: int | None = None
    day: int | None = None
    record_no: int | None = None

    def given(self) -> dict[str, str | int]:
        """The overrides that are set, by column name."""
        values = {"title": self.title, "week": self.week, "day": self.day,
                  "record_no": self.record_no}
        return {k: v for k, v in values.items() if v is not None}


@dataclass(frozen=True)
class ExportDay:
    """One day of an export; ``attempts`` and ``runs`` are whole-row dumps, checked column by
    column (the store's transfer module restores them)."""

    date: str
    overrides: ExportOverrides
    entries: tuple[ExportEntry, ...]
    todos: tuple[ExportTodo, ...]
    attempts: tuple[dict[str, Any], ...]
    runs: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ExportDoc:
    """A whole JSON export."""

    version: int
    days: tuple[ExportDay, ...]


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return say("숫자", "a number")
    if isinstance(value, str):
        return say("텍스트", "text")
    if isinstance(value, list):
        return say("리스트", "a list")
    if isinstance(value, dict):
        return say("객체", "an object")
    return type(value).__name__


def _names() -> dict[type, str]:
    """The JSON kinds a field may hold, in the language setting."""
    return {str: say("텍스트", "text"), int: say("정수", "a whole number"),
            float: say("숫자", "a number"), list: say("리스트", "a list"),
            dict: say("객체", "an object"), bool: say("true 또는 false", "true or false")}


class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, what: str) -> UserError:
        return UserError(say(f"{self.source}: 올바른 studylog 내보내기 파일이 아닙니다: {where}: {what}",
                             f"{self.source}: not a valid studylog export: {where}: {what}"))

    def typed(self, where: str, value: object, types: type | tuple[type, ...],
              optional: bool = False) -> Any:
        if value is None and optional:
            return None
        wanted = types if isinstance(types, tuple) else (types,)
        ok = isinstance(value, wanted) and not (isinstance(value, bool) and bool not in wanted)
        if not ok:
            known = _names()
            names = say(" 또는 ", " or ").join(known.get(t, t.__name__) for t in wanted)
            raise self.fail(where, say(f"기대: {names}, 실제: {_kind(value)}",
                                       f"expected {names}, got {_kind(value)}"))
        if isinstance(value, str) and not _encodable(value):
            raise self.fail(where, say("올바른 UTF-8이 아닌 텍스트", "text that is not valid UTF-8"))
        return value

    def obj(self, where: str, value: object) -> dict[str, Any]:
        return self.typed(where, value, dict)

    def items(self, where: str, value: object) -> list[Any]:
        return [] if value is None else self.typed(where, value, list)

    def date(self, where: str, value: object, optional: bool = False) -> str | None:
        text = self.typed(where, value, str, optional)
        if text is None:
            return None
        try:
            if len(text) != 10:
                raise ValueError
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise self.fail(where, say(f"날짜가 아닙니다: {text!r} (YYYY-MM-DD)",
                                       f"not a day: {text!r} (YYYY-MM-DD)")) from None

    def row(self, where: str, value: object,
            fields: dict[str, tuple[type | tuple[type, ...], bool]]) -> dict[str, Any]:
        row = self.obj(where, value)
        for name, (types, required) in fields.items():
            if required and name not in row:
                raise self.fail(where, say(f"{name!r}이(가) 없습니다", f"missing {name!r}"))
            if name in row:
                self.typed(f"{where}.{name}", row[name], types, optional=not required)
        return row


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _depth_ok(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether no bracket nests deeper than ``limit`` (strings skipped), without recursing."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def _day(c: _Checker, where: str, value: object) -> ExportDay:
    d = c.obj(where, value)
    if "date" not in d:
        raise c.fail(where, say("'date'가 없습니다", "missing 'date'"))
    unknown = sorted(set(d) - _DAY_KEYS)
    if unknown:
        raise c.fail(where, say(f"모르는 필드 {unknown[0]!r}", f"unknown field {unknown[0]!r}"))
    date = c.date(f"{where}.date", d["date"])
    assert date is not None
    ov = c.obj(f"{where}.overrides", d.get("overrides") or {})
    bad = sorted(set(ov) - set(_OVERRIDES))
    if bad:
        raise c.fail(f"{where}.overrides", say(f"모르는 override {bad[0]!r}", f"unknown override {bad[0]!r}"))
    overrides = ExportOverrides(
        title=c.typed(f"{where}.overrides.title", ov.get("title"), str, optional=True),
        week=c.typed(f"{where}.overrides.week", ov.get("week"), int, optional=True),
        day=c.typed(f"{where}.overrides.day", ov.get("day"), int, optional=True),
        record_no=c.typed(f"{where}.overrides.record_no", ov.get("record_no"), int, optional=True),
    )
    for name in ("week", "day", "record_no"):
        number = getattr(overrides, name)
        if number is not None and not 1 <= number <= (7 if name == "day" else 1_000_000):
            raise c.fail(f"{where}.overrides.{name}", say(f"범위를 벗어났습니다: {number}",
                                                          f"out of range: {number}"))
    entries = []
    for i, e in enumerate(c.items(f"{where}.entries", d.get("entries"))):
        at = f"{where}.entries[{i}]"
        e = c.obj(at, e)
        for name in ("section", "title", "body"):
            if name not in e:
                raise c.fail(at, say(f"{name!r}이(가) 없습니다", f"missing {name!r}"))
            c.typed(f"{at}.{name}", e[name], str)
        if e["section"] not in KEYS:
            raise c.fail(f"{at}.section", say(f"모르는 섹션 {e['section']!r}",
                                              f"unknown section {e['section']!r}"))
        entries.append(ExportEntry(
            e["section"], e["title"], e["body"],
            c.typed(f"{at}.created", e.get("created"), str, optional=True),
            c.typed(f"{at}.updated", e.get("updated"), str, optional=True)))
    todos = []
    for i, t in enumerate(c.items(f"{where}.todos", d.get("todos"))):
        at = f"{where}.todos[{i}]"
        t = c.obj(at, t)
        if "text" not in t:
            raise c.fail(at, say("'text'가 없습니다", "missing 'text'"))
        c.typed(f"{at}.text", t["text"], str)
        if not t["text"].strip():
            raise c.fail(f"{at}.text", say("비어 있습니다", "empty"))
        done = c.typed(f"{at}.done", t.get("done", False), (bool, int), optional=True)
        todos.append(ExportTodo(
            t["text"], bool(done),
            c.typed(f"{at}.created", t.get("created"), str, optional=True),
            c.typed(f"{at}.done_at", t.get("done_at"), str, optional=True)))
    attempts = []
    for i, a in enumerate(c.items(f"{where}.attempts", d.get("attempts"))):
        at = f"{where}.attempts[{i}]"
        row = c.row(at, a, _ATTEMPT_FIELDS)
        c.date(f"{at}.date", row["date"])
        attempts.append(row)
    runs = []
    for i, r in enumerate(c.items(f"{where}.runs", d.get("runs"))):
        at = f"{where}.runs[{i}]"
        row = c.row(at, r, _RUN_FIELDS)
        c.date(f"{at}.date", row["date"])
        for j, e in enumerate(c.items(f"{at}.epochs", row.get("epochs"))):
            c.row(f"{at}.epochs[{j}]", e, _EPOCH_FIELDS)
        runs.append(row)
    return ExportDay(date, overrides, tuple(entries), tuple(todos), tuple(attempts), tuple(runs))


def parse_export(text: str, source: str) -> ExportDoc:
    """The whole export in ``text`` checked and typed, or one UserError saying what is wrong."""
    c = _Checker(source)
    if not _depth_ok(text):
        raise UserError(say(f"{source}: studylog 내보내기 파일이 아닙니다 ({MAX_DEPTH}단계보다 깊게 중첩됨)",
                            f"{source}: not a studylog export (nested deeper than {MAX_DEPTH} levels)"))
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(say(f"{source}: 올바른 JSON이 아닙니다 ({exc})",
                            f"{source}: not valid JSON ({exc})")) from None
    except RecursionError:
        raise UserError(say(f"{source}: studylog 내보내기 파일이 아닙니다 (너무 깊게 중첩됨)",
                            f"{source}: not a studylog export (nested too deeply)")) from None
    if not isinstance(doc, dict) or "days" not in doc:
        raise UserError(say(f"{source}: studylog JSON 내보내기 파일이 아닙니다",
                            f"{source}: not a studylog JSON export"))
    version = doc.get("studylog")
    if not isinstance(version, int) or isinstance(version, bool):
        raise c.fail("studylog", say(f"형식 버전이 없습니다 ({JSON_VERSION}이어야 합니다)",
                                     f"the format version is missing (expected {JSON_VERSION})"))
    if version > JSON_VERSION:
        raise UserError(say(f"{source}: 더 새 studylog가 만든 파일입니다 (내보내기 형식 {version}; "
                            f"이 버전은 {JSON_VERSION}까지 읽습니다): 가져오려면 studylog를 업그레이드하세요",
                            f"{source}: made by a newer studylog (export format {version}; this one "
                            f"reads {JSON_VERSION}): upgrade studylog to import it"))
    if version < 1:
        raise c.fail("studylog", say(f"모르는 형식 버전 {version}", f"unknown format version {version}"))
    days = c.typed("days", doc["days"], list)
    return ExportDoc(version, tuple(_day(c, f"days[{i}]", d) for i, d in enumerate(days)))
