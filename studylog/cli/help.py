"""`--help` in the language setting.

The English help is where each command is written (its docstring, each option's ``help=``);
the Korean help lives in :mod:`studylog.cli.help_words`, keyed by command path and parameter
name. :func:`speak` puts one language into the command tree before any help is printed: the
commands' and options' texts, and a help formatter that wraps by terminal columns and writes
click's own words (``Usage:``, ``Options:``, ``[default: 5]``, ``Show this message and exit.``)
in that language.
"""


import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from studylog.words import Lang, display_width

try:  # typer >= 0.20 vendors click as typer._click
    from typer._click import Context, HelpFormatter
except ImportError:  # pragma: no cover - older typer on real click
    from click import Context, HelpFormatter  # type: ignore[assignment]  # same API, older home

SECTIONS_KO = {"Options": "옵션", "Commands": "명령", "Arguments": "인자"}
USAGE_KO = (("[OPTIONS]", "[옵션]"), ("COMMAND [ARGS]...", "명령 [인자]..."))
HELP_OPTION_KO = "이 도움말을 보이고 끝냅니다."
_EXTRAS = re.compile(r"\s*\[([^\[\]]*)\]$")  # click's "[default: 5; required]" after a help text


def _extras_ko(text: str) -> str:
    m = _EXTRAS.search(text)
    if not m:
        return text
    parts = []
    for part in m.group(1).split("; "):
        if part.startswith("default: "):
            part = "기본값: " + part[len("default: "):]
        elif part == "required":
            part = "필수"
        elif part.startswith("env var: "):
            part = "환경 변수: " + part[len("env var: "):]
        parts.append(part)
    return text[:m.start()] + "  [" + "; ".join(parts) + "]"


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` wrapped at spaces to ``width`` terminal columns (Hangul takes two), paragraphs
    (blank-line separated) kept apart by an empty line; ``first``/``rest`` indent the lines."""
    lines: list[str] = []
    for n, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
        if n:
            lines.append("")
        line, used = first, display_width(first)
        for word in paragraph.split():
            size = display_width(word)
            if used + size + (line.strip() != "") > width and line.strip():
                lines.append(line)
                line, used = rest, display_width(rest)
            if line.strip():
                line, used = line + " ", used + 1
            line, used = line + word, used + size
        lines.append(line)
    return lines


def _wrap_with_note(text: str, width: int) -> list[str]:
    """An option's help wrapped to ``width``, click's note (``[default: 1]``) kept whole: after
    two spaces on the last line when it fits there, else on a line of its own."""
    m = _EXTRAS.search(text)
    if not m:
        return wrap(text, width)
    note = text[m.start():].strip()
    lines = wrap(text[:m.start()], width) or [""]
    if display_width(lines[-1]) + 2 + display_width(note) <= width:
        lines[-1] = f"{lines[-1]}  {note}" if lines[-1] else note
    else:
        lines.append(note)
    return lines


class StudylogHelpFormatter(HelpFormatter):
    """click's help formatter, wrapping by terminal columns (click counts a Hangul syllable as
    one column, so Korean lines ran past the terminal's edge); with ``korean``, click's own
    words in Korean."""

    korean = False

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """``Usage: studylog todo add [OPTIONS] TEXT`` (``사용법: … [옵션] TEXT``)."""
        if self.korean:
            for en, ko in USAGE_KO:
                args = args.replace(en, ko)
            prefix = "사용법: " if prefix is None else prefix
        super().write_usage(prog, args, prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        """A section (Options, Commands, Arguments; 옵션, 명령, 인자) of the help."""
        with super().section(SECTIONS_KO.get(name, name) if self.korean else name):
            yield

    def write_text(self, text: str) -> None:
        """A help text, re-wrapped by terminal columns, its paragraphs kept."""
        indent = " " * self.current_indent
        self.write("\n".join(wrap(text, self.width, indent, indent)) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        """The option and command lists as click lays them out, wrapped by terminal columns
        (and click's notes, ``[default: 5]``, in Korean when Korean)."""
        rows = list(rows)
        if not rows:
            return
        if self.korean:
            rows = [(term, HELP_OPTION_KO if text == "Show this message and exit."
                     else _extras_ko(text)) for term, text in rows]
        first_col = min(max(display_width(term) for term, _ in rows), col_max) + col_spacing
        pad = " " * (first_col + self.current_indent)
        for term, text in rows:
            self.write(" " * self.current_indent + term)
            if not text:
                self.write("\n")
                continue
            if display_width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(term)))
            else:
                self.write("\n" + pad)
            lines = _wrap_with_note(text, max(self.width - first_col - 2, 10))
            self.write("\n".join([lines[0], *(pad + line if line else "" for line in lines[1:])])
                       + "\n")


class KoreanHelpFormatter(StudylogHelpFormatter):
    """:class:`StudylogHelpFormatter` with click's words in Korean."""

    korean = True


class StudylogContext(Context):
    """A click context whose help is written by :class:`StudylogHelpFormatter`."""

    formatter_class = StudylogHelpFormatter


class KoreanContext(Context):
    """A click context whose help is written by :class:`KoreanHelpFormatter`."""

    formatter_class = KoreanHelpFormatter


def command_paths(command: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every command of the tree under ``command`` with its path (``""`` for the root,
    ``"train lr"``)."""
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, f"{path} {name}".strip())


def speak(root: Any, lang: Lang) -> None:
    """Put ``lang``'s help into the command tree under ``root``: the formatter, and for Korean
    the texts of :mod:`studylog.cli.help_words` (a text the table lacks stays English: a test
    keeps the table complete)."""
    if lang != "ko":
        for _, command in command_paths(root):
            command.context_class = StudylogContext
        return
    from studylog.cli.help_words import COMMANDS, OPTIONS

    for path, command in command_paths(root):
        command.context_class = KoreanContext
        if path in COMMANDS:
            command.help = COMMANDS[path]
            command.short_help = None
        options = OPTIONS.get(path, {})
        for param in command.params:
            if param.name in options and getattr(param, "help", None):
                param.help = options[param.name]
