"""Every word a user sees of the review queue and carried-over items, in Korean or English.

Plain functions returning strings; the CLI (``studylog review``, ``todo list``), the app's Today
screen and the blog export all render these. The week page's words are in
:mod:`studylog.study.week_words`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studylog.study.carryover import ExtraTodo
    from studylog.study.review import DueItem

RATING = {
    "ko": {1: "다시", 2: "어려움", 3: "보통", 4: "쉬움"},
    "en": {1: "again", 2: "hard", 3: "good", 4: "easy"},
}
SOLVE_AGAIN = {"ko": "다시 풀기", "en": "Solve again"}
NOTE_AGAIN = {"ko": "복습", "en": "Review"}
RETRO = {"ko": "회고", "en": "retro"}
EXTRAS_TITLE = {"ko": "이어서 할 일 · 복습", "en": "Carried over · reviews"}


def _lang(language: str) -> str:
    return "ko" if language == "ko" else "en"


def short_date(date: str) -> str:
    """``11-20`` from ``2026-11-20``."""
    return date[5:]


def review_todo_text(item: DueItem, language: str) -> str:
    """The to-do line of a due item: '다시 풀기: 2667 단지번호붙이기' or '복습: <note title>'."""
    lang = _lang(language)
    if item.kind == "problem":
        return f"{SOLVE_AGAIN[lang]}: {item.problem} {item.title}".rstrip()
    return f"{NOTE_AGAIN[lang]}: {item.title} ({short_date(item.note_date or item.due)})"


def origin_mark(origin: str, language: str) -> str:
    """Where a carried item came from: '← 11-20 회고'."""
    return f"← {short_date(origin)} {RETRO[_lang(language)]}"


def extra_text(extra: ExtraTodo, language: str, *, origin: bool = True) -> str:
    """An extra to-do's text (with its origin mark unless ``origin`` is False)."""
    if extra.due is not None:
        return review_todo_text(extra.due, language)
    if extra.origin and origin:
        return f"{extra.text}  {origin_mark(extra.origin, language)}"
    return extra.text


def tag_marks(tags: tuple[str, ...] | list[str]) -> str:
    """``#graph #flood-fill``: tags as marks (spaces inside a tag become hyphens)."""
    return " ".join(f"#{t.replace(' ', '-')}" for t in tags)


def check_box(done: bool) -> str:
    """``[x]`` or ``[ ]``."""
    return "[x]" if done else "[ ]"


def todo_line(number: int, done: bool, text: str) -> str:
    """A numbered to-do line of ``todo list``: '3. [ ] 논문 읽기  ← 11-20 회고'."""
    return f"{number}. {check_box(done)} {text}"


def blog_extra_lines(extras: list[ExtraTodo], language: str) -> list[str]:
    """The lines the blog's 오늘 한 일 gets for a day's carried items and due reviews."""
    return [extra_text(e, language, origin=False) for e in extras]


def markdown_extra_lines(extras: list[ExtraTodo], language: str) -> list[str]:
    """The same as task-list lines for the markdown export."""
    return [f"- {check_box(e.done)} {extra_text(e, language)}" for e in extras]


def rating_name(rating: int, language: str) -> str:
    """again/hard/good/easy (다시/어려움/보통/쉬움)."""
    return RATING[_lang(language)].get(int(rating), str(rating))


def review_heading(date: str, count: int, language: str) -> str:
    """The first line of ``studylog review``."""
    if _lang(language) == "ko":
        return f"{date} 복습할 것 {count}개"
    return f"{date}: {count} to review"


def review_empty(date: str, language: str) -> str:
    """What ``studylog review`` says when nothing is due."""
    if _lang(language) == "ko":
        return f"{date} 복습할 것 없음 (문제를 풀거나 노트에 #복습 태그를 달면 쌓입니다)"
    return f"nothing to review on {date} (solve problems or tag a note #review)"


def review_row(number: int, item: DueItem, language: str) -> str:
    """One line of ``studylog review``."""
    lang = _lang(language)
    mark = check_box(item.reviewed)
    tags = tag_marks(item.tags)
    if item.kind == "problem":
        what = f"{item.problem} {item.title}"
        last = {"ko": "마지막", "en": "last"}[lang]
        detail = f"{last} {short_date(item.last_review)} {item.last_verdict or ''}".rstrip()
    else:
        what = f"{ {'ko': '노트', 'en': 'note'}[lang]} #{item.note_id} {item.title}"
        detail = f"{short_date(item.note_date or item.last_review)}"
    due = {"ko": "예정", "en": "due"}[lang]
    return f"{number}. {mark} {what}  ({due} {short_date(item.due)}, {detail}) {tags}".rstrip()


def review_hint(language: str) -> str:
    """The closing hint of ``studylog review``."""
    if _lang(language) == "ko":
        return "문제는 다시 풀면(studylog solve ID) 일정이 다시 잡힙니다; 노트는 studylog review --done ID"
    return "re-solving a problem (studylog solve ID) reschedules it; a note: studylog review --done ID"


def note_reviewed(note_id: int, rating: int, language: str) -> str:
    """The answer of ``studylog review --done``."""
    if _lang(language) == "ko":
        return f"노트 #{note_id} 복습 완료 ({rating_name(rating, language)})"
    return f"note #{note_id} reviewed ({rating_name(rating, language)})"


def extras_title(done: int, total: int, language: str) -> str:
    """The title of the Today screen's panel of carried items and reviews."""
    return f"{EXTRAS_TITLE[_lang(language)]}  {done}/{total}"
