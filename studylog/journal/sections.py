"""The sections of a day and their names and blog headings in Korean and English."""

from __future__ import annotations

from dataclasses import dataclass

from studylog.errors import UserError
from studylog.words import Lang, compose_hangul, pick, say


@dataclass(frozen=True)
class Section:
    """One section of the daily record."""

    key: str
    ko: str
    en: str
    blog_ko: str  # heading in the blog post
    blog_en: str
    numbered: bool  # one of the four numbered headings of the bootcamp's format

    def name(self, lang: Lang) -> str:
        """Display name in ``lang``."""
        return pick(lang, self.ko, self.en)

    def heading(self, lang: Lang) -> str:
        """Blog heading in ``lang``."""
        return pick(lang, self.blog_ko, self.blog_en)


SECTIONS: list[Section] = [
    Section("lecture", "강의 복습", "Lecture review",
            "1. 강의 복습 내용", "1. Lecture review", True),
    Section("assignment", "과제/고민", "Assignment",
            "2. 고민 내용, 결과 (과제 수행 과정, 결과물 정리)",
            "2. Thinking and results (assignment process, outputs)", True),
    Section("algorithm", "알고리즘", "Algorithm",
            "알고리즘 문제 풀이", "Algorithm problems", False),
    Section("review", "코드 리뷰", "Code review", "코드 리뷰 정리", "Code review notes", False),
    Section("peer", "피어세션", "Peer session", "3. 피어세션 정리", "3. Peer session", True),
    Section("retro", "회고", "Retrospective", "4. 학습 회고", "4. Retrospective", True),
    Section("note", "메모", "Notes", "기타 메모", "Other notes", False),
]
BY_KEY: dict[str, Section] = {s.key: s for s in SECTIONS}
KEYS: list[str] = [s.key for s in SECTIONS]

TODO_HEADING: dict[Lang, str] = {"ko": "오늘 한 일", "en": "What I did today"}
RECORD_LABEL: dict[Lang, str] = {"ko": "학습기록", "en": "Study log"}


#: Every other name a user may give a section (the CLI's SECTION, the app, a post's short
#: headings): the Korean words of the bootcamp, the app's tab labels, short English ones. The
#: key, the names and the blog headings of :data:`SECTIONS` count too. Compared without spaces
#: and case (강의복습 = 강의 복습).
ALIASES: dict[str, tuple[str, ...]] = {
    "lecture": ("강의", "강의 복습", "강의복습 내용", "강의 정리", "lec"),
    "assignment": ("과제", "고민", "과제/고민", "고민 내용", "고민 내용, 결과", "과제 수행", "homework"),
    "algorithm": ("알고리즘", "알고", "문제 풀이", "알고리즘 문제 풀이", "algo", "boj"),
    "review": ("코드 리뷰", "코드리뷰", "리뷰", "코드 리뷰 정리", "code review"),
    "peer": ("피어", "피어세션", "피어 세션", "피어세션 정리", "peer session"),
    "retro": ("회고", "학습 회고", "학습회고", "retrospective", "retrospect"),
    "note": ("메모", "노트", "기타", "기타 메모", "notes", "memo", "etc"),
}


def _fold(name: str) -> str:
    return "".join(compose_hangul(name).split()).lower()


ALIAS_TO_KEY: dict[str, str] = {}
for _s in SECTIONS:
    for _name in (_s.key, _s.ko, _s.en, *ALIASES.get(_s.key, ())):
        ALIAS_TO_KEY[_fold(_name)] = _s.key


def section_key(name: str) -> str | None:
    """The section key ``name`` stands for (a key, a name, a tab label or an alias), or None."""
    return ALIAS_TO_KEY.get(_fold(name))


def check_section(name: str) -> str:
    """Return the section key for ``name`` (see :data:`ALIASES`) or raise UserError."""
    key = section_key(name)
    if key is not None:
        return key
    names = ", ".join(f"{s.key}/{ALIASES[s.key][0]}" for s in SECTIONS)
    raise UserError(say(f"모르는 섹션입니다: {name!r} (다음 중 하나를 쓰세요: {names})",
                        f"unknown section {name!r}; choose one of: {names}"))
