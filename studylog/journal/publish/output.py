"""Where export, week and backup write: a path checked before, and a write that fails in one line.

:func:`output_path` refuses an empty name (``-o ''`` is no file); :func:`check_target` refuses a
folder that does not exist (nothing is made silently but the one folder ``export`` is asked to
fill) and a path under a regular file; :func:`write_output` writes text and, when the disk is
full or the file cannot be written, removes what it left and raises one :class:`UserError`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from studylog.errors import UserError
from studylog.faults import os_error_line
from studylog.words import say


def output_path(text: str | None, what: str = "--output") -> Path | None:
    """The path the user named (None: none named); UserError for an empty name."""
    if text is None:
        return None
    if not text.strip():
        raise UserError(say(f"{what}: 비어 있습니다; 파일 이름을 주세요 (아니면 옵션을 빼세요)",
                            f"{what} is empty; name a file (or leave the option out)"))
    if "\x00" in text:
        raise UserError(say(f"{what}에 NUL 문자가 있습니다", f"{what} holds a NUL character"))
    return Path(text).expanduser()


def check_target(path: Path, *, folder: bool = False) -> None:
    """UserError unless ``path`` can be made: its folder exists and is a folder, and ``path`` is
    not a folder (or, with ``folder``, is one or can be made in an existing folder)."""
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UserError(say(f"{path}에 쓸 수 없습니다: {parent}은(는) 폴더가 아니라 파일입니다",
                                    f"cannot write {path}: {parent} is a file, not a folder"))
            break
    if not path.parent.is_dir():
        raise UserError(say(f"{path}에 쓸 수 없습니다: 폴더 {path.parent}이(가) 없습니다 "
                            "(먼저 만드세요)",
                            f"cannot write {path}: the folder {path.parent} does not exist "
                            "(make it first)"))
    if folder:
        if path.exists() and not path.is_dir():
            raise UserError(say(f"{path} 안에 쓸 수 없습니다: 폴더가 아니라 파일입니다",
                                f"cannot write into {path}: it is a file, not a folder"))
    elif path.is_dir():
        raise UserError(say(f"{path}은(는) 폴더입니다; 파일 이름을 주세요",
                            f"{path} is a directory; name a file"))


def make_folder(path: Path) -> None:
    """Make the one folder ``path`` (its parent must exist) or raise one UserError."""
    check_target(path, folder=True)
    try:
        path.mkdir(exist_ok=True)
    except OSError as exc:
        raise UserError(os_error_line(exc, say("폴더를 만들 수 없습니다:", "cannot make the folder"))) from None


def write_output(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``; on failure remove the partial file we made and raise
    one UserError (a full disk, /dev/full, a file under /proc, no rights)."""
    check_target(path)
    existed = path.exists()
    try:
        with path.open("w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            if path.is_file():
                os.fsync(f.fileno())
    except OSError as exc:
        try:
            if not existed and stat.S_ISREG(path.lstat().st_mode):
                path.unlink()
        except OSError:
            pass
        if exc.filename is None:
            exc.filename = str(path)
        raise UserError(os_error_line(exc, say("쓸 수 없습니다:", "cannot write"))) from None
