"""The heading test's quick refusal (no mark, no full heading name at the start) never changes
what a line is: the same answer as the heading pattern alone, on generated lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studylog.journal.publish import parse
from studylog.journal.sections import section_key


def pattern_only(line: str) -> str | None:
    """The heading test as it was before the quick refusal: the pattern on every line."""
    m = parse._HEADING.match(line.strip())
    if not m or not m.group("rest"):
        return None
    rest = m.group("rest").strip().lower()
    if rest in parse._FULL:
        return parse._FULL[rest]
    if m.group("num") or m.group("hash"):
        return parse._SHORT.get(rest) or section_key(rest)
    return None


NAMES = sorted({*parse._FULL, *parse._SHORT})
PIECES = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(NAMES).map(str.upper),
    st.sampled_from(["#", "## ", "**", "1.", "2) ", " ", ":", "\t", "Σ", "İ", "-", "[ ] "]),
    st.text(alphabet="강의회고 복습abcXYZ#*.:0123456789 ", max_size=8),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=5).map("".join))
def test_quick_refusal_agrees_with_the_pattern(line: str) -> None:
    assert parse.heading_key(line) == pattern_only(line)


def test_headings_still_found() -> None:
    assert parse.heading_key("1. 강의 복습 내용") == "lecture"
    assert parse.heading_key("  강의 복습 내용:  ") == "lecture"
    assert parse.heading_key("## 회고") == "retro"
    assert parse.heading_key("**코드 리뷰 정리**") == "review"
    assert parse.heading_key("회고") is None  # a short name without a mark is text
    assert parse.heading_key("오늘 강의 복습 내용을 정리했다") is None
