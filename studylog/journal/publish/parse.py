"""Read a day back from text: a blog post as pasted from a blog, or our markdown.

Headings are recognised with or without numbers, ``#`` marks or bold; each line lands in the
section whose heading it follows. Lines before the first heading that are neither the title nor
the record number go to ``note``, so nothing is ever dropped. Short names (강의, 회고, 과제) count as
headings only when numbered or marked with ``#``: in the bootcamp's posts they are also content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studylog.journal.sections import RECORD_LABEL, SECTIONS, TODO_HEADING, section_key

TODOS = "todos"

_FULL: dict[str, str] = {}
for _s in SECTIONS:
    for _h in (_s.blog_ko, _s.blog_en):
        _FULL[re.sub(r"^\d+\.\s*", "", _h).lower()] = _s.key
for _h in TODO_HEADING.values():
    _FULL[_h.lower()] = TODOS
_FULL.update({"고민 내용, 결과": "assignment", "피어 세션 정리": "peer", "오늘 할 일": TODOS})

_SHORT: dict[str, str] = {"to-do": TODOS, "todo": TODOS, "todos": TODOS, "할 일": TODOS}
for _s in SECTIONS:
    for _name in (_s.key, _s.ko, _s.en):
        _SHORT[_name.lower()] = _s.key
_SHORT.update({
    "강의": "lecture", "과제": "assignment", "고민 내용": "assignment", "피어 세션": "peer",
    "피어세션": "peer", "회고": "retro", "학습회고": "retro", "알고리즘": "algorithm",
    "코드리뷰": "review", "기타": "note", "lecture": "lecture", "peer": "peer",
})

_HEADING = re.compile(r"^(?P<hash>#{1,6}\s*)?(?:\*\*)?(?:(?P<num>\d+)\s*[.)]\s*)?(?P<rest>.*?)(?:\*\*)?\s*:?\s*$")
_RECORD = re.compile(rf"^(?:{'|'.join(RECORD_LABEL.values())})\s*-\s*(\d+)\s*$", re.IGNORECASE)
_TASK = re.compile(r"^\s*(?:[-*+]\s+)?\[(?P<mark>[ xX])\]\s+(?P<text>\S.*)$")
_TITLE_WD = re.compile(r"week\s*(\d+)\s*\(\s*(\d+)\s*\)", re.IGNORECASE)
# A line that starts with no mark (#, **, a number) is a heading only if it starts with a full
# heading name: most lines of a post fail this test and never reach the pattern.
_MARKS = frozenset("#*0123456789")
_FULL_STARTS = tuple(_FULL)
_FULL_FIRSTS = frozenset(name[0] for name in _FULL)


def heading_key(line: str) -> str | None:
    """The section key (or ``todos``) a heading line opens, or None for an ordinary line."""
    stripped = line.strip()
    if not stripped or (stripped[0] not in _MARKS
                        and (stripped[0].lower()[0] not in _FULL_FIRSTS
                             or not stripped.lower().startswith(_FULL_STARTS))):
        return None
    m = _HEADING.match(stripped)
    if not m or not m.group("rest"):
        return None
    rest = m.group("rest").strip().lower()
    if rest in _FULL:
        return _FULL[rest]
    if m.group("num") or m.group("hash"):
        return _SHORT.get(rest) or section_key(rest)
    return None


@dataclass
class ParsedDay:
    """What was read from one post or markdown file."""

    title: str | None = None
    record_no: int | None = None
    week: int | None = None
    day: int | None = None
    date: str | None = None
    todos: list[tuple[str, bool]] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)

    def line_count(self) -> int:
        """Lines of content read (to-dos and section lines)."""
        return len(self.todos) + sum(len(t.splitlines()) for t in self.sections.values())


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            meta: dict[str, str] = {}
            for raw in lines[1:i]:
                key, sep, value = raw.partition(":")
                if sep:
                    v = value.strip()
                    if len(v) >= 2 and v[0] == v[-1] == '"':
                        v = v[1:-1].replace('\\"', '"').replace("\\\\", "\\")
                    meta[key.strip().lower()] = v
            return meta, lines[i + 1 :]
    return {}, lines


def _trim(lines: list[str]) -> str:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(lines)


#: The largest week, day and record number a post's labels may carry (as a JSON export's).
LABEL_MAX = {"week": 1_000_000, "day": 7, "record": 1_000_000}


def _int(value: str | None, label: str) -> int | None:
    """A label's number from the front matter, or None when it is none (or out of range)."""
    found = re.fullmatch(r"\s*([0-9]{1,9})\s*", value or "")
    number = int(found.group(1)) if found else 0
    return number if 1 <= number <= LABEL_MAX[label] else None


def parse_day(text: str) -> ParsedDay:
    """Split a post (blog text or markdown) into title, labels, to-dos and section texts."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    meta, lines = _front_matter(lines)
    out = ParsedDay(
        title=meta.get("title") or None, record_no=_int(meta.get("record"), "record"),
        week=_int(meta.get("week"), "week"), day=_int(meta.get("day"), "day"),
        date=meta.get("date") or None,
    )
    current: str | None = None
    buckets: dict[str, list[str]] = {}
    preamble: list[str] = []
    seen_record = False
    for line in lines:
        key = heading_key(line)
        if key:
            current = key
            continue
        if current is None:
            stripped = line.strip()
            record = _RECORD.match(stripped)
            number = int(record.group(1)) if record and len(record.group(1)) <= 9 else 0
            if 1 <= number <= LABEL_MAX["record"] and not seen_record \
                    and out.record_no in (None, number):
                out.record_no = number  # the first record line; a repeat is text
                seen_record = True
            elif stripped and out.title is None:
                out.title = re.sub(r"^#\s+", "", stripped)
            elif stripped.startswith("# ") and stripped[2:].strip() == out.title:
                pass
            else:
                preamble.append(line)
        elif current == TODOS:
            if not line.strip():
                continue
            task = _TASK.match(line)
            if task:
                out.todos.append((task.group("text").strip(), task.group("mark") != " "))
            else:
                out.todos.append((line.strip(), True))
        else:
            buckets.setdefault(current, []).append(line)
    if out.title and (out.week is None or out.day is None):
        wd = _TITLE_WD.search(out.title)
        week, day = (_int(wd.group(1), "week"), _int(wd.group(2), "day")) if wd else (None, None)
        if week is not None and day is not None:
            out.week, out.day = week, day
    note_lines = preamble + ([""] if preamble and buckets.get("note") else []) + buckets.get(
        "note", []
    )
    buckets["note"] = note_lines
    out.sections = {k: t for k, v in buckets.items() if (t := _trim(v))}
    return out
