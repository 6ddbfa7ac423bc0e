"""Folder layouts a problem can come in, found and read without writing anything.

A folder with ``problem.toml`` is a full problem folder (see :mod:`studylog.judge.problems.bank`). Any
other folder is read as plain tests, in the common layouts (they may be mixed; names must not
repeat):

- ``1.in`` + ``1.out`` or ``1.in`` + ``1.ans``, at the top or in ``tests/``
- ``input/1.txt`` + ``output/1.txt`` (also ``input/input1.txt`` + ``output/output1.txt``)
- Polygon's ``tests/01`` + ``tests/01.a``
- ``samples/1.in`` + ``samples/1.out``: samples (else the first test is the sample)

plus an optional ``statement.md`` (or ``statement.txt``) and a special judge (``checker.py``,
``checker.cpp`` ...). An answer without its input, an input without its answer, an unreadable
or non-regular file, a name or a text that is not UTF-8: :class:`UserError`, nothing written.
:func:`scan` returns a :class:`Found` that :mod:`studylog.judge.problems.add` stores.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studylog.errors import UserError
from studylog.judge.checkers.special import CANDIDATES
from studylog.judge.problems.bank import natural_key
from studylog.words import say

MAX_FILE_BYTES = 64 << 20
MAX_TOTAL_BYTES = 512 << 20
MAX_PAIRS = 5000
ANSWER_SUFFIXES = (".out", ".ans")


@dataclass(frozen=True)
class Pair:
    """One test found in a folder: its name, input file and answer file."""

    name: str
    input: Path | None  # None: the test has no input (a package's hello world)
    answer: Path


@dataclass
class Found:
    """What a folder holds: its layout(s), the tests, samples, statement and checker file."""

    folder: Path
    layouts: list[str]
    tests: list[Pair]
    samples: list[Pair]
    statement: Path | None
    checker_file: Path | None
    full: bool = False  # a problem folder (problem.toml), copied as a whole
    has_reference: bool = False
    has_generator: bool = False
    notes: list[str] = field(default_factory=list)
    package: str = ""  # "kattis" or "polygon": a package of the world (see .packages)
    statement_text: str | None = None  # a package's statement, already read
    copies: list[tuple[Path, str]] = field(default_factory=list)  # (source, name in the problem)
    package_meta: dict[str, Any] = field(default_factory=dict)  # title, limits, checker ...
    derive_time: float = 0.0  # > 0: the time limit is the accepted submissions' × this


def _names(folder: Path) -> list[str]:
    """File names of ``folder``; UserError for a name that is not UTF-8."""
    try:
        names = os.listdir(folder)
    except OSError as exc:
        raise UserError(say(f"폴더를 읽을 수 없습니다: {folder} ({exc.strerror})",
                            f"cannot read {folder}: {exc.strerror}")) from None
    for n in names:
        try:
            n.encode("utf-8")
        except UnicodeEncodeError:
            shown = n.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raise UserError(say(f"{folder} 안의 파일 이름이 올바른 UTF-8이 아닙니다: {shown!r}",
                                f"a file name in {folder} is not valid UTF-8: {shown!r}")) from None
    return names


def _by_suffix(folder: Path, names: list[str], where: str) -> tuple[list[Pair], list[str]]:
    """``X.in`` with ``X.out``/``X.ans`` in ``folder``."""
    ins = {n[:-3]: n for n in names if n.endswith(".in") and len(n) > 3}
    answers: dict[str, str] = {}
    for n in names:
        for suffix in ANSWER_SUFFIXES:
            if n.endswith(suffix) and len(n) > len(suffix):
                stem = n[: -len(suffix)]
                if stem in answers:
                    raise UserError(say(f"{where}{stem}의 답이 두 개입니다 ({answers[stem]}, {n}); "
                                        f"하나만 남기세요",
                                        f"{where}{stem} has two answers ({answers[stem]} and {n}); "
                                        f"keep one"))
                answers[stem] = n
    for stem, n in answers.items():
        if stem not in ins:
            raise UserError(say(f"입력 없는 답 파일입니다: {where}{n} ({where}{stem}.in 이 없습니다)",
                                f"{where}{n} is an answer without an input ({where}{stem}.in)"))
    for stem, n in ins.items():
        if stem not in answers:
            raise UserError(say(f"답이 없습니다: {where}{n} ({where}{stem}.out 또는 {stem}.ans)",
                                f"{where}{n} has no answer ({where}{stem}.out or {stem}.ans)"))
    layouts = sorted({"N.in/N" + Path(a).suffix for a in answers.values()})
    pairs = [Pair(s, folder / ins[s], folder / answers[s]) for s in ins]
    return pairs, [f"{where}{lay}" for lay in layouts]


def _polygon(folder: Path, names: list[str]) -> list[Pair]:
    """Polygon's ``tests/01`` + ``tests/01.a``."""
    ins = {n for n in names if n.isdigit()}
    answers = {n[:-2] for n in names if n.endswith(".a") and n[:-2].isdigit()}
    for a in sorted(answers - ins):
        raise UserError(say(f"입력 없는 답 파일입니다: tests/{a}.a (tests/{a} 가 없습니다)",
                            f"tests/{a}.a is an answer without an input (tests/{a})"))
    for i in sorted(ins - answers):
        raise UserError(say(f"답이 없습니다: tests/{i} (tests/{i}.a)",
                            f"tests/{i} has no answer (tests/{i}.a)"))
    return [Pair(n, folder / n, folder / f"{n}.a") for n in ins]


def _in_out_dirs(folder: Path) -> list[Pair]:
    """``input/X.txt`` + ``output/X.txt`` (``inputX``/``outputX`` names too)."""

    def keyed(sub: str) -> dict[str, str]:
        out = {}
        for n in _names(folder / sub):
            if (folder / sub / n).is_dir() or n.startswith("."):
                continue
            stem = n[: -len(Path(n).suffix)] if Path(n).suffix else n
            key = stem[len(sub):] if stem.startswith(sub) and stem != sub else stem
            out[key] = n
        return out

    ins, outs = keyed("input"), keyed("output")
    for k in sorted(set(outs) - set(ins), key=natural_key):
        raise UserError(say(f"입력 없는 답 파일입니다: output/{outs[k]} (input/ 에 없습니다)",
                            f"output/{outs[k]} is an answer without an input (in input/)"))
    for k in sorted(set(ins) - set(outs), key=natural_key):
        raise UserError(say(f"답이 없습니다: input/{ins[k]} (output/ 에 없습니다)",
                            f"input/{ins[k]} has no answer (in output/)"))
    return [Pair(k, folder / "input" / ins[k], folder / "output" / outs[k]) for k in ins]


def scan(folder: Path) -> Found:
    """Find the tests, samples, statement and checker of ``folder`` (reads names only)."""
    folder = folder.expanduser()
    if not folder.exists():
        raise UserError(say(f"그런 폴더가 없습니다: {folder}", f"no such folder: {folder}"))
    if not folder.is_dir():
        raise UserError(say(f"폴더가 아닙니다: {folder}", f"{folder} is not a folder"))
    top = _names(folder)
    checker = next((folder / c for c in CANDIDATES if c in top and (folder / c).is_file()), None)
    statement = next((folder / s for s in ("statement.md", "statement.txt") if s in top), None)
    if "problem.toml" in top:
        from studylog.judge.problems.bank import pairs_in

        _check_tree(folder)

        given = [Pair(n, i, o) for n, i, o in pairs_in(folder / "samples")]
        fixed = [Pair(n, i, o) for n, i, o in pairs_in(folder / "tests")]
        return Found(folder, ["problem folder (problem.toml)"], fixed, given, statement,
                     checker, full=True, has_reference="ref.py" in top,
                     has_generator="gen.py" in top)
    tests, layouts = _by_suffix(folder, top, "")
    samples: list[Pair] = []
    if (folder / "tests").is_dir():
        names = _names(folder / "tests")
        more, lays = _by_suffix(folder / "tests", names, "tests/")
        poly = _polygon(folder / "tests", names)
        tests += more + poly
        layouts += lays + (["tests/NN + tests/NN.a (Polygon)"] if poly else [])
    if (folder / "input").is_dir() and (folder / "output").is_dir():
        more = _in_out_dirs(folder)
        tests += more
        layouts += ["input/N.txt + output/N.txt"] if more else []
    elif (folder / "input").is_dir() or (folder / "output").is_dir():
        have, lack = ("input", "output") if (folder / "input").is_dir() else ("output", "input")
        raise UserError(say(f"{folder}에 {have}/ 폴더는 있지만 {lack}/ 폴더가 없습니다",
                            f"{folder} has {have}/ but no {lack}/ folder"))
    if (folder / "samples").is_dir():
        samples, lays = _by_suffix(folder / "samples", _names(folder / "samples"), "samples/")
        layouts += lays
    seen: dict[str, Pair] = {}
    for p in tests + samples:
        if p.name in seen:
            first, again = _rel(folder, seen[p.name].answer), _rel(folder, p.answer)
            raise UserError(say(f"같은 이름의 테스트가 두 번 있습니다: {p.name!r} ({first}, {again}); "
                                f"하나만 남기세요",
                                f"test {p.name!r} found twice ({first} and {again}); keep one"))
        seen[p.name] = p
    tests.sort(key=lambda p: natural_key(p.name))
    samples.sort(key=lambda p: natural_key(p.name))
    if not tests and not samples:
        raise UserError(say(f"{folder}에서 테스트를 찾지 못했습니다 (찾아본 형식: 1.in + 1.out 또는 "
                            f"1.ans, input/1.txt + output/1.txt, tests/01 + tests/01.a)",
                            f"no tests found in {folder} (looked for 1.in + 1.out or 1.ans, "
                            f"input/1.txt + output/1.txt, tests/01 + tests/01.a)"))
    if len(tests) + len(samples) > MAX_PAIRS:
        count = len(tests) + len(samples)
        raise UserError(say(f"{folder}의 테스트가 {count}개입니다; 최대 {MAX_PAIRS}개까지 됩니다",
                            f"{folder} has {count} tests; at most {MAX_PAIRS}"))
    if not samples:
        samples, tests = tests[:1], tests[1:]
    return Found(folder, layouts, tests, samples, statement, checker)


def _check_tree(folder: Path) -> None:
    """A problem folder is copied as a whole: only plain files and folders, bounded in size."""
    total = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", ".git")]
        for name in dirs + files:
            path = Path(root, name)
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                raise UserError(say(f"링크입니다: {_rel(folder, path)} (문제 폴더에는 일반 파일만 "
                                    f"둘 수 있습니다)",
                                    f"{_rel(folder, path)} is a link; a problem folder holds "
                                    f"plain files only"))
            if not (stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)):
                raise UserError(say(f"일반 파일이 아닙니다: {_rel(folder, path)}",
                                    f"{_rel(folder, path)} is not a regular file"))
            total += st.st_size if stat.S_ISREG(st.st_mode) else 0
        if total > MAX_TOTAL_BYTES:
            raise UserError(say(f"너무 큽니다: {folder} ({MAX_TOTAL_BYTES >> 20} MB 초과)",
                                f"{folder} is over {MAX_TOTAL_BYTES >> 20} MB"))


def _rel(folder: Path, path: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:  # a case linked from elsewhere in the package (resolved)
        return str(path.relative_to(folder.resolve())) if path.is_relative_to(
            folder.resolve()) else str(path)


def read_text(path: Path, folder: Path | None = None) -> str:
    """A file's text (UTF-8, a BOM dropped, CRLF as LF); UserError naming the file when it is
    not a regular file, too big, unreadable or not UTF-8."""
    shown = _rel(folder, path) if folder is not None else str(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise UserError(say(f"일반 파일이 아닙니다: {shown}", f"{shown} is not a regular file"))
        if st.st_size > MAX_FILE_BYTES:
            raise UserError(say(f"{shown}의 크기가 {st.st_size >> 20} MB입니다; 파일 하나는 최대 "
                                f"{MAX_FILE_BYTES >> 20} MB입니다",
                                f"{shown} is {st.st_size >> 20} MB; at most "
                                f"{MAX_FILE_BYTES >> 20} MB per file"))
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UserError(say(f"읽을 수 없습니다: {shown} ({exc.strerror})",
                            f"cannot read {shown}: {exc.strerror}")) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(say(f"올바른 UTF-8이 아닙니다: {shown} (바이트 {exc.start})",
                            f"{shown} is not valid UTF-8 (byte {exc.start})")) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def read_pairs(found: Found) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The samples' and the tests' texts as (name, input, answer); UserError on a bad file."""
    total = 0

    def read(pairs: list[Pair]) -> list[tuple[str, str, str]]:
        nonlocal total
        out = []
        for p in pairs:
            inp = "" if p.input is None else read_text(p.input, found.folder)
            ans = read_text(p.answer, found.folder)
            total += len(inp) + len(ans)
            if total > MAX_TOTAL_BYTES:
                raise UserError(say(f"{found.folder}의 테스트가 모두 합쳐 {MAX_TOTAL_BYTES >> 20} MB를 "
                                    f"넘습니다",
                                    f"the tests of {found.folder} are over "
                                    f"{MAX_TOTAL_BYTES >> 20} MB in all"))
            out.append((p.name, inp, ans))
        return out

    return read(found.samples), read(found.tests)


def parse_time_limit(text: str) -> int:
    """``2``, ``2s``, ``1.5s`` or ``500ms`` as milliseconds (1 ms to 600 s)."""
    t = text.strip().lower()
    scale = 1.0 if t.endswith("ms") else 1000.0
    number = t.removesuffix("ms").removesuffix("s").strip()
    try:
        ms = float(number) * scale
    except ValueError:
        raise UserError(say(f"시간 제한이 잘못되었습니다: {text!r} (예: 1s, 1.5s, 500ms)",
                            f"bad time limit {text!r}: use e.g. 1s, 1.5s or 500ms")) from None
    if not (1 <= ms <= 600_000):
        raise UserError(say(f"시간 제한이 잘못되었습니다: {text!r} (1ms에서 600s 사이로 쓰세요)",
                            f"bad time limit {text!r}: between 1ms and 600s"))
    return round(ms)


def parse_memory(text: str) -> int:
    """``256``, ``256MB`` or ``1GB`` as megabytes (16 MB to 64 GB)."""
    t = text.strip().upper().removesuffix("B")
    scale = 1024 if t.endswith("G") else 1
    number = t.removesuffix("G").removesuffix("M").strip()
    try:
        mb = float(number) * scale
    except ValueError:
        raise UserError(say(f"메모리 제한이 잘못되었습니다: {text!r} (예: 256MB, 1GB)",
                            f"bad memory limit {text!r}: use e.g. 256MB or 1GB")) from None
    if not (16 <= mb <= 65536):
        raise UserError(say(f"메모리 제한이 잘못되었습니다: {text!r} (16MB에서 64GB 사이로 쓰세요)",
                            f"bad memory limit {text!r}: between 16MB and 64GB"))
    return round(mb)


@dataclass
class Plan:
    """A folder read and resolved: what :func:`add` will store, and where."""

    found: Found
    id: str
    title: str
    time_limit_ms: int
    memory_mb: int
    checker: str
    target: Path
    meta: dict[str, Any]
    samples: list[tuple[str, str, str]]
    tests: list[tuple[str, str, str]]
    statement: str | None
    replaces: bool = False
    time_given: bool = False  # --time-limit was given
