"""Every word the journal shows a user, in Korean or English (a :data:`studylog.words.Lang`).

Plain functions returning strings (and rows of strings); the CLI prints them and the app's
Today and Journal screens put them in their widgets, so both say the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from studylog.journal.dates import weekday_name
from studylog.journal.sections import BY_KEY, RECORD_LABEL, TODO_HEADING
from studylog.words import Lang, pick

if TYPE_CHECKING:  # the words load without the store (CLI start-up)
    from studylog.store.revisions import Revision


class DayLike(Protocol):
    """What the headings need of a day (``DayRecord`` and ``Labels`` both fit)."""

    @property
    def week(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...
    @property
    def record_no(self) -> int: ...


class ImportFacts(Protocol):
    """What the import line needs of a report (``publish.exchange.ImportReport`` fits); a
    protocol, so the words do not import the importer that prints them."""

    source: str
    date: str
    entries: dict[str, int]
    todos: int
    attempts: int
    runs: int
    skipped_notes: int
    skipped_todos: int
    same_as: str | None
    record_no: int | None


def section_name(key: str, lang: Lang) -> str:
    """A section's name: 강의 복습 / Lecture review ("todo" is the to-do list)."""
    if key == "todo":
        return TODO_HEADING[lang]
    section = BY_KEY.get(key)
    return section.name(lang) if section else key


def record_label(record_no: int, lang: Lang, *, dash: bool = False) -> str:
    """'학습기록 17' (or 'Study log 17'); with ``dash`` the blog's '학습기록 - 17'."""
    word = RECORD_LABEL[lang]
    return f"{word} - {record_no}" if dash else f"{word} {record_no}"


def week_label(week: int | None, day: int | None) -> str:
    """'week4(3)', or '' without a course week."""
    if not week:
        return ""
    return f"week{week}({day})" if day else f"week{week}"


def date_label(date: str, lang: Lang) -> str:
    """'2026-11-28 (토)' / '2026-11-28 (Sat)'."""
    return f"{date} ({weekday_name(date, lang)})"


def day_heading(date: str, labels: DayLike, lang: Lang, *, has_record: bool) -> str:
    """'2026-11-28 (토) · week4(3) · 학습기록 17'; a day without a record gets no number."""
    parts = [date_label(date, lang), week_label(labels.week, labels.day)]
    parts.append(record_label(labels.record_no, lang) if has_record else no_record(lang))
    return " · ".join(p for p in parts if p)


def no_record(lang: Lang) -> str:
    """What a day without any record says instead of its number."""
    return pick(lang, "기록 없음", "nothing written")


def label_line(date: str, title: str, labels: DayLike, lang: Lang) -> str:
    """The `studylog label` line: date, title, course week and record number."""
    where = week_label(labels.week, labels.day) or (
        "코스 주차 없음 (course.start 설정)" if lang == "ko" else "no course week (set course.start)")
    return f"{date}  {title}  ·  {where}  ·  {record_label(labels.record_no, lang, dash=True)}"


def todos_title(done: int, total: int, lang: Lang) -> str:
    """The to-do panel's title with its count: '오늘 한 일 1/4'."""
    head = TODO_HEADING[lang]
    return f"{head} {done}/{total}" if total else head


def todo_line(number: int, text: str, done: bool) -> str:
    """'2. [x] 과제 제출' (the CLI's and the app's check mark)."""
    return f"{number}. [{'x' if done else ' '}] {text}"


def attempts_title(is_today: bool, lang: Lang) -> str:
    """The judge panel's title: today's, or the shown day's."""
    if lang == "ko":
        return "오늘의 채점" if is_today else "이날의 채점"
    return "Today's judge attempts" if is_today else "Judge attempts that day"


def runs_title(is_today: bool, lang: Lang) -> str:
    """The training panel's title."""
    if lang == "ko":
        return "오늘의 학습 실험" if is_today else "이날의 학습 실험"
    return "Today's training runs" if is_today else "Training runs that day"


def attempt_columns(lang: Lang) -> list[str]:
    """Column names of the day's judge attempts (the title last: in a narrow side bar it is the
    column that is cut, never the verdict)."""
    return ["문제", "결과", "시도", "제목"] if lang == "ko" else ["problem", "verdict", "tries", "title"]


def run_columns(lang: Lang) -> list[str]:
    """Column names of the day's training runs (status and accuracy first, as above)."""
    return (["실험", "상태", "정확도", "모델", "에폭"] if lang == "ko"
            else ["run", "status", "best acc", "model", "ep"])


def readonly_label(lang: Lang) -> str:
    """The mark of a day opened read-only."""
    return pick(lang, "읽기 전용", "read-only")


def note_added(entry_id: int, section: str, date: str, lang: Lang) -> str:
    """The CLI's answer to `studylog note`."""
    name = section_name(section, lang)
    if lang == "ko":
        return f"{date} {name}({section})에 노트 #{entry_id} 추가"
    return f"added note #{entry_id} to {section} ({name}) on {date}"


def no_todos(date: str, lang: Lang) -> str:
    """What `todo list` says about a day without to-dos."""
    if lang == "ko":
        return f"{date}에 할 일이 없습니다 (추가: studylog todo add TEXT)"
    return f"no to-dos on {date} (add one: studylog todo add TEXT)"


def no_hits(query: str, lang: Lang) -> str:
    """What search says when nothing matches."""
    return pick(lang, f"{query!r}에 맞는 노트가 없습니다", f"no notes match {query!r}")


def hits_caption(query: str, count: int, lang: Lang) -> str:
    """The caption over the app's search results."""
    return pick(lang, f"'{query}' — {count}건", f"'{query}' — {count} hits")


def merge_marker(lang: Lang) -> str:
    """The line put between two overlapping edits of a section (the other process's first)."""
    if lang == "ko":
        return "──── ↑ 다른 곳에서 저장된 글 · ↓ 이 창에서 쓴 글 ────"
    return "──── ↑ saved elsewhere · ↓ written in this window ────"


def merged_notice(section: str, conflicted: bool, lang: Lang) -> str:
    """The app's note after a save was merged with another process's change."""
    name = section_name(section, lang)
    if lang == "ko":
        tail = " (겹친 곳에 구분선)" if conflicted else ""
        return f"{name}: 다른 곳에서 저장한 글과 합쳤습니다{tail}"
    tail = " (a marker line where they overlap)" if conflicted else ""
    return f"{name}: merged with a change saved elsewhere{tail}"


def saved_mark(state: str) -> str:
    """A section tab's save state: '•' unsaved typing, '✓' just saved, '' saved a while ago."""
    return {"dirty": "•", "saved": "✓"}.get(state, "")


def revision_row(rev: Revision, lang: Lang, width: int = 50) -> list[str]:
    """One line of `studylog history` and the app's history list: id, time, section, text."""
    first = " ".join(rev.text.split())
    if len(first) > width:
        first = first[: width - 1] + "…"
    empty = "(비움)" if lang == "ko" else "(emptied)"
    return [f"#{rev.id}", rev.saved_at.replace("T", " "), section_name(rev.section, lang),
            source_name(rev.source, lang), first or empty]


SOURCES = {"app": ("앱", "app"), "cli": ("명령줄", "cli"), "import": ("가져오기", "import"),
           "restore": ("되살리기", "restore"), "migration": ("업그레이드", "migration")}


def source_name(source: str, lang: Lang) -> str:
    """Where a revision was saved (app, cli, import…) in ``lang`` (``--json`` keeps the key)."""
    ko, en = SOURCES.get(source, (source, source))
    return pick(lang, ko, en)


def restored_line(rev: Revision, version: int, lang: Lang) -> str:
    """The answer to `studylog restore`."""
    name = section_name(rev.section, lang)
    if lang == "ko":
        return f"{rev.date} {name}: 리비전 #{rev.id}을 되살렸습니다 (새 리비전 #{version})"
    return f"restored revision #{rev.id} of {rev.date} {name} (new revision #{version})"


def no_history(date: str, lang: Lang) -> str:
    """`studylog history` on a day without revisions."""
    return pick(lang, f"{date}: 저장 기록이 없습니다", f"{date}: no saved revisions")


def history_title(date: str, section: str, count: int, lang: Lang) -> str:
    """The title of the app's revision list."""
    name = section_name(section, lang)
    if lang == "ko":
        return f"{date} {name} — 저장 기록 {count}개 (enter: 되살리기, esc: 닫기)"
    return f"{date} {name} — {count} revisions (enter: restore, esc: close)"


def streak_line(current: int, longest: int, lang: Lang) -> str:
    """The streak summary (CLI `stats` and the Stats screen)."""
    if lang == "ko":
        return f"연속 기록: 지금 {current}일, 최장 {longest}일"
    return f"streak: {current} day(s) now, longest {longest}"


def written_line(days: int, notes: int, lang: Lang) -> str:
    """How much has been written."""
    return pick(lang, f"{days}일 기록, 노트 {notes}개", f"{days} days written, {notes} notes")


def journal_info(days: int, lang: Lang) -> str:
    """The Journal screen's note under the calendar."""
    if lang == "ko":
        return f"기록한 날 {days}일\nenter: 열기 · e: 편집"
    return f"{days} days written\nenter: open · e: edit"


def month_caption(month: str, days: int, lang: Lang) -> str:
    """The caption over a month's days."""
    return pick(lang, f"{month}: {days}일", f"{month}: {days} days")


def journal_columns(search: bool, lang: Lang) -> list[str]:
    """Column names of the Journal list (search hits, or a month's days)."""
    if search:
        return ["날짜", "섹션", "찾은 곳"] if lang == "ko" else ["date", "section", "match"]
    return (["날짜", "첫 줄", "글", "할 일"] if lang == "ko"
            else ["date", "first line", "notes", "to-dos"])


def search_placeholder(lang: Lang) -> str:
    """The Journal search box's hint."""
    if lang == "ko":
        return "검색 (띄어쓰기 무관, 한 글자도 OK)"
    return "search (spacing does not matter)"


def calendar_title(lang: Lang) -> str:
    """The calendar panel's title."""
    return pick(lang, "달력", "Calendar")


def pruned_line(count: int, before: str, lang: Lang) -> str:
    """The answer to `studylog prune-history`."""
    if lang == "ko":
        return f"{before} 이전의 리비전 {count}개를 지웠습니다 (섹션마다 마지막 것은 남김)"
    return f"deleted {count} revisions saved before {before} (each section's latest kept)"


def todo_removed(number: int, text: str, date: str, lang: Lang) -> str:
    """The answer to `todo rm`: what went, so it can be typed back."""
    if lang == "ko":
        return f"{date} 할 일 {number}번을 지웠습니다: {text}"
    return f"removed to-do {number} of {date}: {text}"


def note_edited(entry_id: int, section: str, date: str, lang: Lang) -> str:
    """The answer to `note edit`."""
    name = section_name(section, lang)
    if lang == "ko":
        return f"{date} {name}의 노트 #{entry_id}을 고쳤습니다 (이전 글: studylog history {date})"
    return f"edited note #{entry_id} in {name} on {date} (the old text: studylog history {date})"


def note_removed(entry_id: int, section: str, date: str, lang: Lang) -> str:
    """The answer to `note rm`."""
    name = section_name(section, lang)
    if lang == "ko":
        return (f"{date} {name}의 노트 #{entry_id}을 지웠습니다 "
                f"(되살리기: studylog history {date} → studylog restore)")
    return (f"removed note #{entry_id} from {name} on {date} "
            f"(to get it back: studylog history {date}, then studylog restore)")


def note_row(entry_id: int, section: str, text: str, lang: Lang, width: int = 60) -> str:
    """One line of `note list`: '#12  회고  첫 줄…'."""
    first = " ".join(text.split())
    if len(first) > width:
        first = first[: width - 1] + "…"
    return f"#{entry_id}  {section_name(section, lang)}  {first}"


def no_notes(date: str, lang: Lang) -> str:
    """`note list` on a day without notes."""
    return pick(lang, f"{date}에 노트가 없습니다", f"no notes on {date}")


def backed_up(source: str, target: str, lang: Lang) -> str:
    """`backup` done: which database went to which copy."""
    return pick(lang, f"{source} 백업 완료: {target}", f"backed up {source} to {target}")


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (Hangul and other wide characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (right-aligned with ``right``)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def per_section_caption(weeks: int, lang: Lang) -> str:
    """The caption over `stats`' notes-per-section table."""
    return pick(lang, f"섹션별 노트 수, 최근 {weeks}주:", f"notes per section, last {weeks} weeks:")


def stats_row_names(lang: Lang) -> tuple[str, str]:
    """The first column's header and the totals row's name in `stats`."""
    return ("주", "전체") if lang == "ko" else ("week", "all time")


def heatmap_day_names(lang: Lang) -> list[str]:
    """The heatmap's row labels, Monday to Sunday (every other row blank), three columns wide."""
    if lang == "ko":
        return ["월 ", "   ", "수 ", "   ", "금 ", "   ", "일 "]
    return ["Mon", "   ", "Wed", "   ", "Fri", "   ", "Sun"]


def heatmap_legend(lang: Lang) -> tuple[str, str]:
    """The two ends of the heatmap's legend."""
    return ("적음", "많음") if lang == "ko" else ("less", "more")


def import_line(report: ImportFacts, lang: Lang, dry_run: bool = False) -> str:
    """The line `studylog import` prints for one day: what was added, what was already stored
    (and of what), or on which other day the same post already is."""
    where = f"{report.date} ← {report.source}"
    record = f" ({record_label(report.record_no, lang)})" if report.record_no is not None else ""
    if report.same_as:
        if lang == "ko":
            return (f"{where}: 같은 글{record}이 이미 {report.same_as}에 있어 가져오지 않았습니다 "
                    f"(그래도 이 날에 넣으려면: --date {report.date})")
        return (f"{where}: the same post{record} is already stored on {report.same_as}; not "
                f"imported again (to put it on this day anyway: --date {report.date})")
    parts: list[str] = []
    if lang == "ko":
        parts += [f"{section_name(k, lang)} {n}줄" for k, n in report.entries.items()]
        if report.todos:
            parts.append(f"할 일 {report.todos}개")
        if report.attempts:
            parts.append(f"채점 기록 {report.attempts}개")
        if report.runs:
            parts.append(f"학습 실험 {report.runs}개")
        had = [f"섹션 글 {report.skipped_notes}개" if report.skipped_notes else "",
               f"할 일 {report.skipped_todos}개" if report.skipped_todos else ""]
        if any(had):
            parts.append("이미 있던 것: " + ", ".join(h for h in had if h))
        verb = "가져올 것" if dry_run else "가져옴"
        return f"{verb} {where}: {', '.join(parts) or '새로운 것 없음'}"
    parts += [f"{k} {n} line{'s' if n != 1 else ''}" for k, n in report.entries.items()]
    if report.todos:
        parts.append(f"{report.todos} to-do{'s' if report.todos != 1 else ''}")
    if report.attempts:
        parts.append(f"{report.attempts} attempts")
    if report.runs:
        parts.append(f"{report.runs} runs")
    notes, todos = report.skipped_notes, report.skipped_todos
    had = [f"{notes} section text{'s' if notes != 1 else ''}" if notes else "",
           f"{todos} to-do{'s' if todos != 1 else ''}" if todos else ""]
    if any(had):
        parts.append("already stored on that day: " + ", ".join(h for h in had if h))
    verb = "would import" if dry_run else "imported"
    return f"{verb} {where}: {', '.join(parts) or 'nothing new'}"
