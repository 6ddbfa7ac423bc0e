"""Text from the user's side: standard input and files, bounded and validated.

At most :data:`MAX_BYTES` are read (one more to tell that there is more), so ``/dev/zero`` or a
huge file is refused after 10 MB instead of filling memory; text must be UTF-8.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from studylog.errors import UserError
from studylog.words import compose_hangul, say

MAX_BYTES = 10 * 1024 * 1024  # a post is a few KB; ten years of posts in one JSON ~ a few MB


def read_bounded(stream: BinaryIO, what: str) -> bytes:
    """Up to :data:`MAX_BYTES` of ``stream``; UserError when it holds more."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        mb = MAX_BYTES // (1024 * 1024)
        raise UserError(say(f"{what}: {mb} MB를 넘어서 읽지 않습니다",
                            f"{what} is over {mb} MB; refusing to read it"))
    return data


def decode_utf8(data: bytes, what: str) -> str:
    """UTF-8 (a BOM is dropped) with decomposed Hangul composed (see
    :func:`studylog.words.compose_hangul`), or one clear UserError, with a hint for CP949
    text."""
    try:
        return compose_hangul(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        try:
            data.decode("cp949")
            hint = say(" (CP949/EUC-KR 텍스트로 보입니다: iconv -f cp949 -t utf-8 로 바꾸세요)",
                       " (it looks like CP949/EUC-KR: convert it with iconv -f cp949 -t utf-8)")
        except UnicodeDecodeError:
            hint = ""
        raise UserError(say(f"{what}: UTF-8 텍스트가 아닙니다{hint}",
                            f"{what} is not UTF-8 text{hint}")) from None


def text_argument(text: str) -> str:
    """A text given on the command line: ``-`` alone reads standard input; otherwise the text
    with decomposed Hangul composed."""
    if text == "-":
        import sys

        return read_stdin(sys.stdin.buffer)
    return compose_hangul(text)


def read_stdin(stream: BinaryIO) -> str:
    """Standard input as text (bounded, UTF-8)."""
    what = say("표준 입력", "standard input")
    return decode_utf8(read_bounded(stream, what), what)


def read_text_file(path: Path) -> str:
    """Read a file the user gave us as text, or raise one clear UserError.

    Only a regular file is read (``-`` is standard input): a named pipe, a device such as
    ``/dev/zero`` or a socket is refused before it is opened, so nothing blocks or streams.
    """
    if str(path) == "-":
        import sys

        return read_stdin(sys.stdin.buffer)
    if not path.exists():
        raise UserError(say(f"그런 파일이 없습니다: {path}", f"no such file: {path}"))
    if path.is_dir():
        raise UserError(say(f"{path}: 파일이 아니라 폴더입니다", f"{path} is a directory, not a file"))
    if not path.is_file():
        raise UserError(say(f"{path}: 보통 파일이 아닙니다 (파이프나 장치); "
                            "파일을 주거나, 표준 입력이면 - 를 주세요",
                            f"{path} is not a regular file (a pipe or a device); "
                            "give a file, or - for standard input"))
    try:
        with path.open("rb") as f:
            data = read_bounded(f, str(path))
    except OSError as exc:
        raise UserError(say(f"{path}을(를) 읽을 수 없습니다: {exc.strerror}",
                            f"cannot read {path}: {exc.strerror}")) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError(say(f"{path}: 올바른 UTF-16 텍스트가 아닙니다",
                                f"{path} is not valid UTF-16 text")) from None
    if b"\x00" in data[:8192]:
        raise UserError(say(f"{path}: 텍스트 파일이 아닙니다", f"{path} is not a text file"))
    return decode_utf8(data, str(path))


def check_text(text: str, what: str | None = None) -> str:
    """``text`` with decomposed Hangul composed, or refused when it cannot be stored: lone surrogates (bytes that were
    not UTF-8 in an argument) or more than :data:`MAX_BYTES` characters."""
    if what is None:
        what = say("텍스트", "the text")
    if len(text) > MAX_BYTES:
        mb = MAX_BYTES // (1024 * 1024)
        raise UserError(say(f"{what}: {mb} MB를 넘습니다", f"{what} is over {mb} MB"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(say(f"{what}: 올바른 UTF-8이 아닙니다", f"{what} is not valid UTF-8")) from None
    return compose_hangul(text)


def one_line(text: str) -> str:
    """A to-do or a title is one line: its lines are joined with single spaces (blank ones
    dropped)."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
