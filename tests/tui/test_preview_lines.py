"""The Today preview keeps each line of a plain-text note on its own line, as the post does."""

from __future__ import annotations

from io import StringIO

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.markdown import Markdown

from studylog.tui.widgets.section_editor import keep_line_breaks


def rendered(text: str) -> list[str]:
    console = Console(file=StringIO(), width=70)
    console.print(Markdown(text))
    return [line.rstrip() for line in console.file.getvalue().splitlines() if line.strip()]


def test_plain_lines_stay_lines_and_markdown_renders_as_before():
    note = "오늘 배운 것\nStepLR 은 step 마다 lr 을 줄인다\n회고: 잘 됐다"
    assert rendered(note) == ["오늘 배운 것 StepLR 은 step 마다 lr 을 줄인다 회고: 잘 됐다"]
    assert rendered(keep_line_breaks(note)) == note.split("\n")
    markdown = "# 제목\n- a\n- b\n\n```\nx = 1\ny = 2\n```\n| a | b |\n|---|---|\n| 1 | 2 |"
    assert rendered(keep_line_breaks(markdown)) == rendered(markdown)


def test_code_keeps_its_text_exactly():
    code = "```python\nx = 1  \ny = 2\n```"
    assert keep_line_breaks(code) == code


@given(st.lists(st.text(alphabet="ab 가\t#-`", max_size=12), min_size=1, max_size=8))
def test_only_trailing_spaces_are_added(lines):
    text = "\n".join(lines)
    out = keep_line_breaks(text).split("\n")
    assert len(out) == len(lines)
    assert all(o.rstrip(" ") == i.rstrip(" ") and o.startswith(i) for o, i in zip(out, lines, strict=True))
