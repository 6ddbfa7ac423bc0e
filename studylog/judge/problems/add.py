"""Adding a folder to the user's bank and exporting a problem as a folder.

:func:`plan` reads a folder (any layout of :mod:`studylog.judge.problems.folders`) and decides the id,
title, limits and checker without writing anything (``--dry-run`` shows it); :func:`add` writes
the problem into a staging folder next to the user's bank, validates it there (the reference
passes its samples, the generator works, a special judge accepts the answers) and only then
moves it into place. :func:`export` writes a problem folder that :func:`add` takes back as is.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studylog.errors import UserError
from studylog.judge.checkers import compare as checker
from studylog.judge.problems import bank
from studylog.judge.problems.folders import Plan, read_pairs, read_text, scan
from studylog.judge.verdicts import Verdict
from studylog.words import say

DEFAULT_TIME_MS = 1000
DEFAULT_MEMORY_MB = 256
SPECIAL_CHECKS = 5  # answers a special judge must accept when a problem is added
IGNORED = shutil.ignore_patterns("__pycache__", ".git", "*.pyc")


@dataclass(frozen=True)
class AddOptions:
    """What the user set on ``problems add`` (None: from the folder, else a default)."""

    id: str | None = None
    title: str | None = None
    time_limit_ms: int | None = None
    memory_mb: int | None = None
    checker: str | None = None
    replace: bool = False


def _title_from(statement: str | None, problem_id: str) -> str | None:
    for line in (statement or "").splitlines():
        if line.startswith("# "):
            title = line[2:].strip()
            first, _, rest = title.partition(" ")
            return (rest.strip() if first == problem_id else title)[:200] or None
    return None


def plan(folder: Path, options: AddOptions, db_path: Path | None = None) -> Plan:
    """Read ``folder`` and resolve the problem it becomes; UserError naming what is wrong."""
    from studylog.judge.problems.packages import scan_package

    if options.id is not None and not options.id.strip():
        raise UserError(say("--id 가 비어 있습니다; 문제 id를 주세요 (숫자나 짧은 이름)",
                            "--id is empty; give the problem an id (a number or a short name)"))
    found = scan_package(folder) or scan(folder)
    samples, tests = read_pairs(found)
    statement = read_text(found.statement, found.folder) if found.statement else None
    meta: dict[str, Any] = {}
    if found.package:
        statement = found.statement_text
        meta = dict(found.package_meta)
    if found.full:
        bank.load_problem(found.folder)  # a bad problem.toml is refused here
        meta = tomllib.loads(read_text(found.folder / "problem.toml", found.folder))
        if not samples and not tests:
            raise UserError(say(f"{found.folder}에 samples/나 tests/의 짝(N.in + N.out)이 "
                                f"없습니다",
                                f"{found.folder} has no samples/ or tests/ pairs (N.in + N.out)"))
        if not found.has_reference and found.has_generator:
            found.notes.append(say("gen.py는 정답 코드(ref.py) 없이는 쓰이지 않습니다",
                                   "gen.py is not used without a reference (ref.py)"))
    name = found.folder.resolve().name
    pid = options.id or str(meta.get("id") or "") or name
    if not options.id and not bank.ID_PATTERN.fullmatch(pid):
        raise UserError(say(f"폴더 이름 {pid!r}는 문제 id가 될 수 없습니다: --id 를 주세요 "
                            f"(숫자나 avg 같은 짧은 이름)",
                            f"the folder name {pid!r} is not a problem id: give --id (a number "
                            f"or a short name such as avg)"))
    bank.check_id(pid)
    title = (options.title or meta.get("title") or _title_from(statement, pid) or name)
    title = " ".join(str(title).split())[:200]
    if not title:
        raise UserError(say("제목이 비어 있습니다: --title 을 주세요",
                            "the title is empty: give --title"))
    kind = options.checker or str(meta.get("checker") or "")
    if not kind:
        kind = "special" if found.checker_file is not None else checker.DEFAULT
        if found.checker_file is not None:
            found.notes.append(say(f"{found.checker_file.name}이 있습니다: 이 파일이 채점합니다 "
                                   f"(스페셜 저지)",
                                   f"{found.checker_file.name} found: it judges (special judge)"))
    name_, arg = checker.parse_kind(kind)
    if name_ == "special" and not found.package:
        from studylog.judge.checkers.special import find_checker_file

        found.checker_file = find_checker_file(found.folder, arg)  # copied with the tests
    target = bank.user_dir(db_path) / pid
    existing = {p.id: p for p in bank.list_problems(db_path)}
    replaces = False
    if pid in existing and existing[pid].path != found.folder.resolve():
        if existing[pid].builtin:
            raise UserError(say(f"문제 {pid}: 내장 문제입니다; 폴더에 다른 --id 를 주세요",
                                f"problem {pid} is built in; give the folder another --id"))
        if not options.replace:
            raise UserError(say(f"문제 {pid}: 이미 있습니다 ({existing[pid].path}); --replace "
                                f"나 다른 --id 를 쓰세요",
                                f"problem {pid} already exists ({existing[pid].path}); use "
                                f"--replace or another --id"))
        replaces = True
    return Plan(
        found=found, id=pid, title=title, checker=kind, target=target, meta=meta,
        time_limit_ms=options.time_limit_ms or int(meta.get("time_limit_ms", DEFAULT_TIME_MS)),
        memory_mb=options.memory_mb or int(meta.get("memory_mb", DEFAULT_MEMORY_MB)),
        samples=samples, tests=tests, statement=statement, replaces=replaces,
        time_given=options.time_limit_ms is not None,
    )


def toml_text(meta: dict[str, Any]) -> str:
    """``meta`` (str, int, float, bool and lists of them) as TOML."""

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int | float):
            return repr(v)
        if isinstance(v, str):
            return json.dumps(v, ensure_ascii=False).replace("\x7f", "\\u007f")
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        raise UserError(say(f"{v!r}를 problem.toml에 쓸 수 없습니다",
                            f"cannot write {v!r} to problem.toml"))

    return "".join(f"{k} = {value(v)}\n" for k, v in meta.items())


def _write_pairs(folder: Path, pairs: list[tuple[str, str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, inp, ans in pairs:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)  # a test group's folder
        (folder / f"{name}.in").write_text(inp, encoding="utf-8")
        (folder / f"{name}.out").write_text(ans, encoding="utf-8")


def _stage(p: Plan, stage: Path) -> None:
    """Write the problem folder of plan ``p`` at ``stage``."""
    from studylog.judge import words

    if p.found.full:
        shutil.copytree(p.found.folder, stage, ignore=IGNORED)
    else:
        stage.mkdir()
        _write_pairs(stage / "samples", p.samples)
        if p.tests:
            _write_pairs(stage / "tests", p.tests)
        if p.found.checker_file is not None:
            shutil.copy2(p.found.checker_file, stage / p.found.checker_file.name)
            if (p.found.folder / "testlib.h").is_file():
                shutil.copy2(p.found.folder / "testlib.h", stage / "testlib.h")
        for src, name in p.found.copies:  # a package's validator, statement, submissions
            if src.is_dir():
                shutil.copytree(src, stage / name, ignore=IGNORED, symlinks=False)
            else:
                (stage / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, stage / name)
    text = p.statement
    if text is None:
        text = words.placeholder_statement(p.id, p.title, p.found.folder.name,
                                                     len(p.samples) + len(p.tests))
    elif not text.lstrip().startswith("#"):
        text = f"# {p.id} {p.title}\n\n{text}"
    (stage / "statement.md").write_text(text, encoding="utf-8")
    if (stage / "statement.txt").exists():
        (stage / "statement.txt").unlink()
    meta = {**p.meta, "id": p.id, "title": p.title, "time_limit_ms": p.time_limit_ms,
            "memory_mb": p.memory_mb, "checker": p.checker}
    meta.setdefault("title_en", "")
    meta.setdefault("tags", [])
    if not p.found.full and not meta.get("source"):
        meta["source"] = f"imported from {p.found.folder.resolve().name}"
    (stage / "problem.toml").write_text(toml_text(meta), encoding="utf-8")


def validate(problem: bank.Problem) -> None:
    """The reference passes the samples, the generator works and a special judge accepts the
    answers; UserError saying what fails."""
    samples = [(n, i, o) for n, i, o in problem.samples()]
    if problem.checker_spec.name in ("special", "kattis"):
        for tname, inp, ans in (samples + problem.fixed_tests())[:SPECIAL_CHECKS]:
            got = checker.judge_output(problem.checker_spec, problem.path, inp, ans, ans)
            if got.verdict is not Verdict.AC:
                said = f" ({got.message.splitlines()[0]})" if got.message else ""
                kattis = problem.checker_spec.name == "kattis"
                what = ("the output validator" if kattis else "the special judge")
                what_ko = ("output validator" if kattis else "스페셜 저지")
                raise UserError(say(f"{what_ko}가 {tname}의 정답을 받아들이지 않습니다: "
                                    f"{got.verdict.value}{said}",
                                    f"{what} does not accept the answer of {tname}: "
                                    f"{got.verdict.value}{said}"))
    if not problem.has_reference:
        return
    from studylog.judge.problems.cases import TestCase, build_tests
    from studylog.judge.runner import judge

    result = judge(problem, problem.path / "ref.py",
                   tests=[TestCase(n, "sample", i, o) for n, i, o in samples])
    if result.verdict is not Verdict.AC:
        fail = result.first_failure
        where = f" on {fail.name}" if fail else ""
        where_ko = f" ({fail.name})" if fail else ""
        raise UserError(say(f"정답 코드 ref.py가 예제를 통과하지 못합니다: "
                            f"{result.verdict.value}{where_ko}",
                            f"the reference ref.py does not pass its samples: "
                            f"{result.verdict.value}{where}"))
    if problem.module("gen") is not None:
        build_tests(problem)  # generator and reference must work on the random cases too


def add(p: Plan) -> bank.Problem:
    """Store plan ``p`` in the user's bank (validated in a staging folder first)."""
    p.target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=p.target.parent, prefix=".add-"))
    try:
        stage = tmp / p.id
        _stage(p, stage)
        staged = bank.load_problem(stage)
        if p.found.derive_time and not p.time_given:
            from studylog.judge.problems.packages import derive_time_limit

            ms = derive_time_limit(staged, p.found.derive_time)
            toml = (stage / "problem.toml").read_text(encoding="utf-8")
            toml = toml.replace(f"time_limit_ms = {p.time_limit_ms}\n", f"time_limit_ms = {ms}\n")
            (stage / "problem.toml").write_text(toml, encoding="utf-8")
            staged = bank.load_problem(stage)
        validate(staged)
        if p.target.exists():
            if not p.replaces and p.target.resolve() != p.found.folder.resolve():
                raise UserError(say(f"{p.target}가 이미 있습니다; --replace 를 쓰세요",
                                    f"{p.target} already exists; use --replace"))
            old = tmp / "old"
            p.target.rename(old)
        stage.rename(p.target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return bank.load_problem(p.target)


def export(problem: bank.Problem, dest: Path) -> Path:
    """Write ``problem`` as a folder at ``dest`` (new or empty) that ``problems add`` takes
    back as is: problem.toml (id, titles, limits, checker, tags), statement.md, samples/,
    tests/, the special judge and, where the problem has them, gen.py, ref.py, brute.py."""
    dest = dest.expanduser()
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise UserError(say(f"{dest}가 이미 있고 빈 폴더가 아닙니다",
                            f"{dest} exists and is not an empty folder"))
    if dest.exists():
        dest.rmdir()
    try:
        shutil.copytree(problem.path, dest, ignore=IGNORED)
    except OSError as exc:
        raise UserError(say(f"{dest}에 쓸 수 없습니다: {exc.strerror or exc}",
                            f"cannot write {dest}: {exc.strerror or exc}")) from None
    meta = tomllib.loads((dest / "problem.toml").read_text(encoding="utf-8"))
    if meta.get("id") != problem.id:
        meta = {"id": problem.id, **meta}
        (dest / "problem.toml").write_text(toml_text(meta), encoding="utf-8")
    return dest
