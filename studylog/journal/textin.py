"""Text from the user's side: standard input and files, bounded and validated.

At most :data:`MAX_BYTES` are read (one more to tell that there is more), so ``/dev/zero`` or a
huge file is refused after 10 MB instead of filling memory; text must be UTF-8.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from studylog.errors import UserError

MAX_BYTES = 10 * 1024 * 1024  # a post is a few KB; ten years of posts in one JSON ~ a few MB


def read_bounded(stream: BinaryIO, what: str) -> bytes:
    """Up to :data:`MAX_BYTES` of ``stream``; UserError when it holds more."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UserError(f"{what} is over {MAX_BYTES // (1024 * 1024)} MB; refusing to read it")
    return data


def decode_utf8(data: bytes, what: str) -> str:
    """UTF-8 (a BOM is dropped) or one clear UserError, with a hint for CP949 text."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            data.decode("cp949")
            hint = " (it looks like CP949/EUC-KR: convert it with iconv -f cp949 -t utf-8)"
        except UnicodeDecodeError:
            hint = ""
        raise UserError(f"{what} is not UTF-8 text{hint}") from None


def read_stdin(stream: BinaryIO) -> str:
    """Standard input as text (bounded, UTF-8)."""
    return decode_utf8(read_bounded(stream, "standard input"), "standard input")


def read_text_file(path: Path) -> str:
    """Read a file the user gave us as text, or raise one clear UserError.

    Only a regular file is read (``-`` is standard input): a named pipe, a device such as
    ``/dev/zero`` or a socket is refused before it is opened, so nothing blocks or streams.
    """
    if str(path) == "-":
        import sys

        return read_stdin(sys.stdin.buffer)
    if not path.exists():
        raise UserError(f"no such file: {path}")
    if path.is_dir():
        raise UserError(f"{path} is a directory, not a file")
    if not path.is_file():
        raise UserError(f"{path} is not a regular file (a pipe or a device); "
                        "give a file, or - for standard input")
    try:
        with path.open("rb") as f:
            data = read_bounded(f, str(path))
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError(f"{path} is not valid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise UserError(f"{path} is not a text file")
    return decode_utf8(data, str(path))


def check_text(text: str, what: str = "the text") -> str:
    """Refuse text that cannot be stored: lone surrogates (bytes that were not UTF-8 in an
    argument) or more than :data:`MAX_BYTES` characters."""
    if len(text) > MAX_BYTES:
        raise UserError(f"{what} is over {MAX_BYTES // (1024 * 1024)} MB")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(f"{what} is not valid UTF-8") from None
    return text


def one_line(text: str) -> str:
    """A to-do or a title is one line: its lines are joined with single spaces (blank ones
    dropped)."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
