"""The problem bank: problem folders under ``data/problems/`` plus the user's own.

A problem is a folder::

    problem.toml   id, title (Korean), title_en, source, time_limit_ms, memory_mb,
                   output_limit_kb, checker (exact|boj|tokens|float[:eps]|unordered|
                   special[:file]), tags, random_tests
    statement.md   the statement in our own words
    samples/       1.in 1.out 2.in 2.out ... (shown in the statement, run first)
    tests/         NAME.in NAME.out ... (fixed tests, e.g. an imported folder's pairs);
                   GROUP/NAME.in ...: a test group (an ICPC package's data/secret/GROUP)
    checker.py     a special judge (or checker.cpp / checker), see :mod:`studylog.judge.checkers.special`
    gen.py         generate(rng, size) -> input text; optional edge_cases() -> [(name, input)],
                   parse(text) / render(obj) / shrink(obj) for the stress shrinker
    ref.py         the reference: a stdin->stdout program; ``solve(text) -> str`` lets the judge
                   call it in-process
    brute.py       optional brute force (same protocol as ref.py), used to cross-check ref

User problems (``studylog problems add DIR``) live in ``$STUDYLOG_PROBLEMS`` or next to the
database in ``problems/``.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import os
import re
import threading
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from studylog.errors import UserError
from studylog.judge.checkers.spec import CheckerSpec, parse_kind
from studylog.paths import data_dir
from studylog.words import say

REQUIRED = ("title", "time_limit_ms", "memory_mb")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")


def check_id(problem_id: str) -> str:
    """``problem_id`` if it is a valid id (a number or a short name such as ``avg``: letters,
    digits, ``-`` and ``_``, at most 32), else UserError."""
    if not ID_PATTERN.fullmatch(problem_id):
        raise UserError(say(f"문제 id가 잘못되었습니다: {problem_id!r} (숫자나 짧은 이름을 "
                            f"쓰세요: 글자, 숫자, -, _, 최대 32자)",
                            f"bad problem id {problem_id!r}: use a number or a short name "
                            f"(letters, digits, - and _, at most 32 characters)"))
    return problem_id


def pairs_in(folder: Path) -> list[tuple[str, Path, Path]]:
    """``NAME.in``/``NAME.out`` pairs of ``folder`` as (name, input, answer), numeric order."""
    if not folder.is_dir():
        return []
    ins = sorted(folder.glob("*.in"), key=lambda p: natural_key(p.stem))
    return [(p.stem, p, p.with_suffix(".out")) for p in ins if p.with_suffix(".out").is_file()]


def pairs_under(folder: Path) -> list[tuple[str, Path, Path]]:
    """Like :func:`pairs_in`, and the pairs of its sub-folders (test groups) named
    ``GROUP/NAME``, in numeric order."""
    if not folder.is_dir():
        return []
    found = [(str(p.relative_to(folder).with_suffix("")), p, p.with_suffix(".out"))
             for p in folder.rglob("*.in") if p.with_suffix(".out").is_file()]
    return sorted(found, key=lambda t: natural_key(t[0]))


def group_of(test_name: str) -> str:
    """The test group of a fixed test's name (``test g1/03`` -> ``g1``; ``""``: none)."""
    stem = test_name.removeprefix("test ")
    return stem.rsplit("/", 1)[0] if "/" in stem else ""


def natural_key(name: str) -> tuple:
    """Sort key putting ``2`` before ``10`` (digit runs compared as numbers)."""
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t)
                 for t in re.split(r"(\d+)", name) if t)


@dataclass
class Problem:
    """One problem folder, loaded."""

    id: str
    title: str
    title_en: str
    path: Path
    time_limit_ms: int
    memory_mb: int
    output_limit_kb: int = 8192
    checker: str = "boj"
    tags: list[str] = field(default_factory=list)
    source: str = ""
    random_tests: int = 20
    builtin: bool = True
    checker_spec: CheckerSpec = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.checker_spec = CheckerSpec.parse(self.checker)  # once, when the problem loads

    @property
    def statement_path(self) -> Path:
        """The statement file (markdown)."""
        return self.path / "statement.md"

    def statement(self) -> str:
        """The statement text."""
        return self.statement_path.read_text(encoding="utf-8")

    def samples(self) -> list[tuple[str, str, str]]:
        """The samples as (name, input, output), in numeric order."""
        return [(f"sample {n}", i.read_text("utf-8"), o.read_text("utf-8"))
                for n, i, o in pairs_in(self.path / "samples")]

    def fixed_tests(self) -> list[tuple[str, str, str]]:
        """The fixed tests of ``tests/`` as (name, input, answer), in numeric order."""
        return [(f"test {n}", i.read_text("utf-8"), o.read_text("utf-8"))
                for n, i, o in pairs_under(self.path / "tests")]

    @property
    def has_reference(self) -> bool:
        """Whether the problem has a reference (ref.py): without one, the answers are given."""
        return (self.path / "ref.py").is_file()

    def require_stress(self) -> None:
        """UserError unless the problem can be stress tested (a reference and a generator)."""
        missing = [f for f in ("ref.py", "gen.py") if not (self.path / f).is_file()]
        if missing:
            raise UserError(say(f"문제 {self.id}: 스트레스 테스트에는 정답 코드(ref.py)와 "
                                f"생성기(gen.py)가 필요합니다; {', '.join(missing)}가 없습니다",
                                f"stress testing {self.id} needs a reference (ref.py) and a "
                                f"generator (gen.py); it has no {' and no '.join(missing)}"))

    def module(self, name: str) -> ModuleType | None:
        """The problem's ``gen``, ``ref`` or ``brute`` module (None when the file is missing)."""
        return load_module(self.path / f"{name}.py", f"{self.id}_{name}")

    def fingerprint(self) -> str:
        """A hash of every file that decides the tests (for the test cache)."""
        h = hashlib.sha1()
        for p in sorted(self.path.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts and p.name != "statement.md":
                h.update(str(p.relative_to(self.path)).encode())
                h.update(p.read_bytes())
        return h.hexdigest()[:16]


_modules: dict[tuple[str, float], ModuleType] = {}
_lock = threading.Lock()


def load_module(path: Path, name: str) -> ModuleType | None:
    """Import a problem's Python file (cached by path and mtime); None if it does not exist."""
    if not path.exists():
        return None
    key = (str(path.resolve()), path.stat().st_mtime)
    with _lock:
        if key not in _modules:
            spec = importlib.util.spec_from_file_location(f"studylog_problem_{name}", path)
            assert spec and spec.loader
            mod = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(mod)
            except Exception as exc:  # a user's broken gen.py is bad input, not a crash
                raise UserError(say(f"{path}를 불러올 수 없습니다: {type(exc).__name__}: {exc}",
                                    f"cannot load {path}: {type(exc).__name__}: {exc}")
                                ) from None
            _modules[key] = mod
        return _modules[key]


def builtin_dir() -> Path:
    """The bundled problem bank."""
    return data_dir() / "problems"


def user_dir(db_path: Path | None = None) -> Path:
    """Where the user's own problems live ($STUDYLOG_PROBLEMS, else next to the database)."""
    env = os.environ.get("STUDYLOG_PROBLEMS")
    if env:
        return Path(env).expanduser()
    if db_path is None:
        from studylog.paths import default_db_path

        db_path = default_db_path()
    return Path(db_path).expanduser().resolve().parent / "problems"


def load_problem(folder: Path, *, builtin: bool = False) -> Problem:
    """Read ``folder/problem.toml``; raises UserError naming what is wrong."""
    meta_path = folder / "problem.toml"
    if not meta_path.is_file():
        raise UserError(say(f"{folder}에 problem.toml이 없습니다",
                            f"{folder} has no problem.toml"))
    try:
        meta: dict[str, Any] = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(say(f"{meta_path}는 올바른 TOML이 아닙니다: {exc}",
                            f"{meta_path} is not valid TOML: {exc}")) from None
    missing = [k for k in REQUIRED if k not in meta]
    if missing:
        raise UserError(say(f"{meta_path}에 {', '.join(missing)}가 없습니다",
                            f"{meta_path} lacks {', '.join(missing)}"))
    checker = str(meta.get("checker", "boj"))
    try:
        parse_kind(checker)
        check_id(str(meta.get("id", folder.name)))
    except UserError as exc:
        raise UserError(": ".join((str(meta_path), str(exc)))) from None  # worded by exc
    try:
        numbers = {key: _bounded(meta, key, default) for key, default in
                   (("time_limit_ms", None), ("memory_mb", None), ("output_limit_kb", 8192),
                    ("random_tests", 20))}
        tags = meta.get("tags", [])
        if not isinstance(tags, list):
            raise TypeError(say("tags는 단어의 목록이어야 합니다", "tags must be a list of words"))
        return Problem(
            id=str(meta.get("id", folder.name)),
            title=str(meta["title"]),
            title_en=str(meta.get("title_en", "")),
            path=folder.resolve(),
            time_limit_ms=numbers["time_limit_ms"],
            memory_mb=numbers["memory_mb"],
            output_limit_kb=numbers["output_limit_kb"],
            checker=checker,
            tags=[str(t).strip().lower() for t in tags],
            source=str(meta.get("source", "")),
            random_tests=numbers["random_tests"],
            builtin=builtin,
        )
    except (TypeError, ValueError, OverflowError) as exc:
        raise UserError(say(f"{meta_path}: 값이 잘못되었습니다 ({exc})",
                            f"{meta_path}: bad value ({exc})")) from None


#: The values a problem.toml number may take (as a package's limits may).
BOUNDS = {"time_limit_ms": (1, 600_000), "memory_mb": (16, 65_536),
          "output_limit_kb": (1, 1 << 20), "random_tests": (0, 100_000)}


def limits_ok(time_ms: int, memory_mb: int) -> bool:
    """Whether a time and a memory limit are within :data:`BOUNDS` (a package's limits too)."""
    (t_low, t_high), (m_low, m_high) = BOUNDS["time_limit_ms"], BOUNDS["memory_mb"]
    return t_low <= time_ms <= t_high and m_low <= memory_mb <= m_high


def _bounded(meta: dict, key: str, default: int | None) -> int:
    """``meta[key]`` as a whole number within :data:`BOUNDS` (ValueError naming it if not)."""
    value = meta[key] if default is None else meta.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(say(f"{key} = {value!r}: 숫자가 아닙니다", f"{key} = {value!r} is not a number"))
    number = int(value)
    low, high = BOUNDS[key]
    if not low <= number <= high:
        raise ValueError(say(f"{key} = {number}: {low}..{high} 사이여야 합니다",
                             f"{key} = {number} is not in {low}..{high}"))
    return number


def list_problems(db_path: Path | None = None) -> list[Problem]:
    """Every problem: the bundled bank first, then the user's, each sorted by id."""
    found: dict[str, Problem] = {}
    for root, builtin in ((builtin_dir(), True), (user_dir(db_path), False)):
        if not root.is_dir():
            continue
        folders = sorted(p for p in root.iterdir() if (p / "problem.toml").is_file())
        for folder in sorted(folders, key=lambda p: (len(p.name), p.name)):
            prob = load_problem(folder, builtin=builtin)
            found.setdefault(prob.id, prob)
    return list(found.values())


def get_problem(problem_id: str, db_path: Path | None = None) -> Problem:
    """The problem with this id, or UserError suggesting close ids."""
    problems = {p.id: p for p in list_problems(db_path)}
    if problem_id in problems:
        return problems[problem_id]
    close = difflib.get_close_matches(problem_id, list(problems), n=3, cutoff=0.5)
    guess = close[0] if len(close) == 1 else f"{', '.join(close)} 중 하나"
    hint = say(f"; 혹시 {guess}인가요?", f"; did you mean {' or '.join(close)}?") if close else ""
    known = say(f" (있는 문제: {', '.join(problems)})",
                f" (known: {', '.join(problems)})") if not close else ""
    raise UserError(say(f"모르는 문제입니다: {problem_id!r}{hint}{known}",
                        f"unknown problem {problem_id!r}{hint}{known}"))


@dataclass(frozen=True)
class ProblemStatus:
    """One problem of the list: its facts and the user's status (solved / tried / new)."""

    id: str
    title: str
    title_en: str
    tags: list[str]
    time_limit_ms: int
    memory_mb: int
    builtin: bool
    status: str
    attempts: int
    last_verdict: str | None
    last_date: str | None
    checker: str = "boj"
    has_reference: bool = True

    def to_json(self) -> dict[str, Any]:
        """The row for ``problems --json`` (the keys of before, plus checker and
        has_reference)."""
        return asdict(self)
