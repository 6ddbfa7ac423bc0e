"""The sections of a day and their names and blog headings in Korean and English."""

from __future__ import annotations

from dataclasses import dataclass

from studylog.errors import UserError
from studylog.words import Lang, pick


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


def check_section(name: str) -> str:
    """Return the section key for ``name`` (a key or a Korean/English name) or raise UserError."""
    value = name.strip().lower()
    for s in SECTIONS:
        if value in {s.key, s.ko.lower(), s.en.lower()}:
            return s.key
    raise UserError(f"unknown section {name!r}; choose one of: {', '.join(KEYS)}")
