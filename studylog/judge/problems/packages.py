"""Problem packages of the world, read as they are: the ICPC/Kattis problem package format and
Polygon's packages. :func:`scan_kattis` and :func:`scan_polygon` return a
:class:`~studylog.judge.problems.folders.Found` that :mod:`studylog.judge.problems.add` stores
as a studylog problem folder (tests in ``samples/`` and ``tests/<group>/``, the validator, the
submissions and the original statement copied along).

Kattis/ICPC (``problem.yaml``):

- ``name`` (a string or ``{en: ...}``), ``limits`` (``time_limit`` in seconds, else a
  ``.timelimit`` file, else 1 s: problemtools would derive it from the accepted submissions'
  times × ``time_multiplier`` (+ ``time_safety_margin``); that is said in a note), ``memory``
  (MiB), ``validation`` (``default``, ``custom``, ``custom score``; ``custom interactive`` and
  ``type: interactive`` are refused), ``validator_flags`` (or ``output_validator_flags`` of
  ``data/testdata.yaml``);
- ``data/sample/*.in|.ans`` (an ``.ans`` with no ``.in`` is a test with empty input: hello
  world), ``data/secret/**/*.in|.ans``: each folder under ``secret/`` is a test group; a case may
  be a symbolic link to another file of the package;
- ``problem_statement/`` or ``statement/`` with ``problem[.LANG].md`` or ``.tex`` (the text is
  kept; ``.tex`` is shown as readable text);
- ``output_validators/NAME/`` or ``output_validator/``: a custom validator program;
- ``submissions/<label>/``: labelled submissions, for ``problems check``.

Polygon (``problem.xml``): ``names/name``, ``judging/testset`` (``time-limit`` ms,
``memory-limit`` bytes, ``tests/NN`` + ``tests/NN.a``), ``assets/checker`` (``check.cpp``,
compiled against ``files/testlib.h``), ``statements/.../problem.tex`` or ``statement-sections``.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from studylog.errors import UserError
from studylog.judge.problems import miniyaml
from studylog.judge.problems.bank import limits_ok, natural_key
from studylog.judge.problems.folders import MAX_PAIRS, Found, Pair, read_text
from studylog.words import say

STATEMENT_DIRS = ("problem_statement", "statement")
VALIDATOR_DIRS = ("output_validators", "output_validator")
DEFAULT_MEMORY_MB = 1024
DEFAULT_TIME_MS = 1000


def scan_package(folder: Path) -> Found | None:
    """The package at ``folder`` (Kattis/ICPC or Polygon) read, or None when it is none."""
    folder = folder.expanduser()
    if not folder.is_dir():
        return None
    names = os.listdir(folder)
    if "problem.toml" in names:
        return None
    if is_kattis(folder, names):
        return scan_kattis(folder)
    if is_polygon(names):
        return scan_polygon(folder)
    return None


def is_kattis(folder: Path, names: list[str]) -> bool:
    """Whether ``folder`` is a Kattis/ICPC package (``problem.yaml``, or ``data/sample`` or
    ``data/secret``)."""
    return "problem.yaml" in names or (folder / "data" / "secret").is_dir() or (
        folder / "data" / "sample").is_dir()


def is_polygon(names: list[str]) -> bool:
    """Whether a folder with these names is a Polygon package (``problem.xml``)."""
    return "problem.xml" in names


def _inside(root: Path, path: Path) -> Path:
    """``path`` resolved (links followed); UserError when it leaves the package."""
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        raise UserError(say(f"패키지 밖을 가리키는 링크입니다: {path.relative_to(root)}",
                            f"{path.relative_to(root)} links outside the package"))
    return real


def _cases(root: Path, folder: Path, prefix: str) -> list[Pair]:
    """The ``.in``/``.ans`` cases under ``folder`` (recursively), named by their path below it
    (``group1/01``); an ``.ans`` without ``.in`` is a case with no input."""
    if not folder.is_dir():
        return []
    stems: dict[str, dict[str, Path]] = {}
    for dirpath, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in files:
            path = Path(dirpath, name)
            stem, suffix = os.path.splitext(name)
            if suffix not in (".in", ".ans"):
                continue
            rel = str(Path(dirpath, stem).relative_to(folder))
            stems.setdefault(rel, {})[suffix] = _inside(root, path)
        for d in list(dirs):
            if (Path(dirpath) / d).is_symlink():
                shown = Path(dirpath, d).relative_to(root)
                raise UserError(say(f"링크된 폴더입니다: {shown} (링크는 케이스 파일 하나씩만 "
                                    f"됩니다)",
                                    f"{shown} is a linked folder; link single cases only"))
    pairs = []
    for rel in sorted(stems, key=natural_key):
        got = stems[rel]
        if ".ans" not in got:
            raise UserError(say(f"답이 없습니다: {prefix}{rel}.in ({prefix}{rel}.ans)",
                                f"{prefix}{rel}.in has no answer ({prefix}{rel}.ans)"))
        pairs.append(Pair(rel, got.get(".in"), got[".ans"]))
    return pairs


def _name(meta: dict[str, Any], fallback: str) -> str:
    name = meta.get("name")
    if isinstance(name, dict):
        name = name.get("en") or next(iter(name.values()), None)
    return " ".join(str(name or fallback).split())[:200]


def tex_to_text(tex: str) -> str:
    """A LaTeX statement as readable markdown-ish text: sections as headings, common commands
    unwrapped, math delimiters dropped."""
    t = tex.replace("\r\n", "\n")
    t = re.sub(r"(?<!\\)%.*", "", t)
    t = re.sub(r"\\problemname\{([^}]*)\}", r"# \1", t)
    t = re.sub(r"\\(?:sub)*section\*?\{([^}]*)\}", r"## \1", t)
    t = re.sub(r"\\begin\{(?:itemize|enumerate)\}|\\end\{(?:itemize|enumerate)\}", "", t)
    t = re.sub(r"\\item\s*", "- ", t)
    t = re.sub(r"\\(?:textbf|textit|emph|texttt|text|mathrm|mathbf|url)\{([^}]*)\}", r"\1", t)
    t = re.sub(r"\\(?:illustration|includegraphics)(\[[^\]]*\])?(\{[^}]*\})+", "", t)
    t = re.sub(r"\\begin\{[^}]*\}|\\end\{[^}]*\}", "", t)
    for a, b in ((r"\le", "≤"), (r"\leq", "≤"), (r"\ge", "≥"), (r"\geq", "≥"), (r"\cdot", "·"),
                 (r"\times", "×"), (r"\ldots", "..."), (r"\dots", "..."), (r"\neq", "≠"),
                 ("~", " "), ("``", '"'), ("''", '"'), (r"\\", "\n"), (r"\,", " ")):
        t = t.replace(a, b)
    t = re.sub(r"\$\$?", "", t)
    t = re.sub(r"\\([{}_&#%$])", r"\1", t)
    t = re.sub(r"\n{3,}", "\n\n", t)
    return "\n".join(line.rstrip() for line in t.strip().split("\n")) + "\n"


def _statement(root: Path) -> tuple[str | None, Path | None, Path | None]:
    """The statement text (markdown as is, .tex made readable), its folder and its file."""
    for d in STATEMENT_DIRS:
        folder = root / d
        if not folder.is_dir():
            continue
        files = sorted(p.name for p in folder.iterdir() if p.is_file())
        for want in ("problem.en.md", "problem.md", "problem.ko.md", "problem.en.tex",
                     "problem.tex"):
            if want in files:
                text = read_text(folder / want, root)
                return (text if want.endswith(".md") else tex_to_text(text)), folder, folder / want
        other = next((f for f in files if f.startswith("problem.") and f.endswith((".md", ".tex"))),
                     None)
        if other:
            text = read_text(folder / other, root)
            return (text if other.endswith(".md") else tex_to_text(text)), folder, folder / other
    return None, None, None


def scan_kattis(root: Path) -> Found:
    """Read a Kattis/ICPC package (see the module doc); UserError naming what is wrong."""
    notes: list[str] = []
    meta: dict[str, Any] = {}
    if (root / "problem.yaml").is_file():
        loaded = miniyaml.loads(read_text(root / "problem.yaml", root), "problem.yaml")
        if not isinstance(loaded, dict):
            raise UserError(say("problem.yaml이 매핑이 아닙니다 (key: value 줄로 쓰세요)",
                                "problem.yaml is not a mapping (key: value lines)"))
        meta = loaded
    validation = str(meta.get("validation") or "default").split()
    kind = str(meta.get("type") or "").split()
    if "interactive" in validation or "interactive" in kind:
        raise UserError(say(f"대화형(interactive) 문제입니다: {root.name} (validation: custom "
                            f"interactive); studylog는 대화형 문제를 채점하지 않습니다",
                            f"{root.name} is an interactive problem (validation: custom "
                            f"interactive); studylog does not judge interactive problems"))
    if validation[0] not in ("default", "custom"):
        shown = " ".join(validation)
        raise UserError(say(f"problem.yaml: 알 수 없는 validation {shown!r} (default, custom 중 "
                            f"하나를 쓰세요)",
                            f"problem.yaml: unknown validation {shown!r} (default, custom)"))
    limits = meta.get("limits") or {}
    derive = 0.0  # the time limit from the accepted submissions × this (0: given)
    if not isinstance(limits, dict):
        raise UserError(say("problem.yaml: limits는 매핑이어야 합니다 (time_limit, memory ...)",
                            "problem.yaml: limits must be a mapping (time_limit, memory ...)"))
    try:
        if "time_limit" in limits:
            time_ms = round(float(limits["time_limit"]) * 1000)
        elif (root / ".timelimit").is_file():
            time_ms = round(float(read_text(root / ".timelimit", root).strip()) * 1000)
        else:
            time_ms = DEFAULT_TIME_MS
            multiplier = float(limits.get("time_multiplier", 5))
            if not 1 <= multiplier <= 100:  # nan and inf too
                raise UserError(say(f"problem.yaml: limits.time_multiplier는 1..100이어야 "
                                    f"합니다: {multiplier:g}",
                                    f"problem.yaml: limits.time_multiplier must be 1..100, "
                                    f"not {multiplier:g}"))
            if (root / "submissions" / "accepted").is_dir():
                derive = multiplier
                notes.append(say(f"limits.time_limit이 없습니다: 시간 제한은 가장 느린 accepted "
                                 f"제출의 시간 × time_multiplier ({multiplier:g})를 0.1 s 단위로 "
                                 f"올린 값입니다 (--time-limit으로 정할 수 있습니다)",
                                 f"no limits.time_limit: the time limit is the slowest accepted "
                                 f"submission × time_multiplier ({multiplier:g}), rounded up to "
                                 f"0.1 s (--time-limit sets it)"))
            else:
                notes.append(say(f"limits.time_limit도 accepted 제출도 없습니다: "
                                 f"{DEFAULT_TIME_MS / 1000:g} s (--time-limit으로 정할 수 "
                                 f"있습니다)",
                                 f"no limits.time_limit and no accepted submissions: "
                                 f"{DEFAULT_TIME_MS / 1000:g} s (--time-limit sets it)"))
        memory_mb = int(limits.get("memory", DEFAULT_MEMORY_MB))
    except (TypeError, ValueError, OverflowError):  # OverflowError: 1e999 is inf
        raise UserError(say("problem.yaml: limits.time_limit과 limits.memory는 숫자여야 합니다",
                            "problem.yaml: limits.time_limit and limits.memory must be "
                            "numbers")) from None
    if not limits_ok(time_ms, memory_mb):
        raise UserError(say("problem.yaml: time_limit은 0.001..600 s, memory는 16..65536 MiB 사이여야 "
                            "합니다",
                            "problem.yaml: time_limit must be 0.001..600 s and memory 16..65536 "
                            "MiB"))
    flags = str(meta.get("validator_flags") or "")
    testdata = root / "data" / "testdata.yaml"
    if testdata.is_file():
        td = miniyaml.loads(read_text(testdata, root), "data/testdata.yaml")
        if isinstance(td, dict) and td.get("output_validator_flags"):
            flags = f"{flags} {td['output_validator_flags']}".strip()
    custom = validation[0] == "custom"
    copies: list[tuple[Path, str]] = []
    if custom:
        vdir = next((root / d for d in VALIDATOR_DIRS if (root / d).is_dir()), None)
        if vdir is None:
            raise UserError(say("problem.yaml에 validation: custom 이라고 되어 있지만 패키지에 "
                                "output_validators/ 폴더가 없습니다",
                                "problem.yaml says validation: custom but the package has no "
                                "output_validators/ folder"))
        copies.append((vdir, vdir.name))
        checker = f"kattis:{flags}" if flags else "kattis"
    else:
        from studylog.judge.checkers.spec import DefaultFlags

        try:
            DefaultFlags.parse(flags)
        except UserError as exc:
            raise UserError(say(f"problem.yaml의 validator_flags가 잘못되었습니다: {exc}",
                                f"problem.yaml validator_flags: {exc}")) from None
        checker = f"icpc:{flags}" if flags else "icpc"
    hint = re.search(r"^# studylog checker: (\S+)\s*$", read_text(root / "problem.yaml", root),
                     re.M) if (root / "problem.yaml").is_file() else None
    if hint and not custom:
        checker = hint.group(1)  # exported by studylog: its own checker kind comes back
        if checker.startswith("special"):
            held = root / "studylog_checker"
            if not held.is_dir():
                raise UserError(say("problem.yaml에 studylog 스페셜 저지가 적혀 있지만 패키지에 "
                                    "studylog_checker/ 폴더가 없습니다",
                                    "problem.yaml names a studylog special judge but the "
                                    "package has no studylog_checker/ folder"))
            copies += [(f, f.name) for f in sorted(held.iterdir()) if f.is_file()]
    samples = _cases(root, root / "data" / "sample", "data/sample/")
    tests = _cases(root, root / "data" / "secret", "data/secret/")
    if not samples and not tests:
        raise UserError(say(f"{root}에서 테스트를 찾지 못했습니다 (찾아본 곳: data/sample/*.in + "
                            f"*.ans, data/secret/**/*.in + *.ans)",
                            f"no tests found in {root} (looked for data/sample/*.in + *.ans and "
                            f"data/secret/**/*.in + *.ans)"))
    if len(samples) + len(tests) > MAX_PAIRS:
        count = len(samples) + len(tests)
        raise UserError(say(f"{root}의 테스트가 {count}개입니다; 최대 {MAX_PAIRS}개까지 됩니다",
                            f"{root} has {count} tests; at most {MAX_PAIRS}"))
    groups = sorted({p.name.rsplit("/", 1)[0] for p in tests if "/" in p.name}, key=natural_key)
    for g in groups:
        if (root / "data" / "secret" / g / "testdata.yaml").is_file():
            notes.append(say(f"data/secret/{g}/testdata.yaml: 그룹별 flags와 점수는 쓰지 않습니다 "
                             f"(그룹의 결과만 보여 줍니다)",
                             f"data/secret/{g}/testdata.yaml: per-group flags and scores are "
                             f"not used (the group's results are shown)"))
    text, statement_dir, statement_file = _statement(root)
    if statement_dir is not None:
        copies.append((statement_dir, statement_dir.name))
    if (root / "submissions").is_dir():
        copies.append((root / "submissions", "submissions"))
    layout = "ICPC/Kattis package (problem.yaml, data/)"
    if groups:
        layout += f"; test groups: {', '.join(groups)}"
    found = Found(root, [layout], tests, samples, statement_file, None, notes=notes)
    found.package = "kattis"
    found.statement_text = text
    found.copies = copies
    found.package_meta = {
        "title": _name(meta, root.name), "time_limit_ms": time_ms, "memory_mb": memory_mb,
        "checker": checker, "source": str(meta.get("source") or ""),
    }
    if meta.get("license"):
        found.package_meta["license"] = str(meta["license"])
    found.derive_time = derive
    return found


def _numbered(pattern: str, number: int, field: str) -> str:
    """A Polygon path pattern (``tests/%02d``) filled with a test's number."""
    try:
        return pattern % number
    except (TypeError, ValueError, OverflowError):  # no %d, two of them, '%>' ...
        raise UserError(say(f"problem.xml: {field} {pattern!r}에는 테스트 번호 자리(%d, %02d) "
                            f"하나만 있어야 합니다",
                            f"problem.xml: {field} {pattern!r} must hold one test number "
                            f"(%d, %02d)")) from None


def scan_polygon(root: Path) -> Found:
    """Read a Polygon package (see the module doc); UserError naming what is wrong."""
    try:
        tree = ET.fromstring(read_text(root / "problem.xml", root))
    except ET.ParseError as exc:
        raise UserError(say(f"problem.xml이 올바른 XML이 아닙니다: {exc}",
                            f"problem.xml is not valid XML: {exc}")) from None
    name_el = tree.find("names/name")
    title = name_el.get("value", root.name) if name_el is not None else root.name
    testset = tree.find("judging/testset")
    if testset is None:
        raise UserError(say("problem.xml에 judging/testset이 없습니다",
                            "problem.xml has no judging/testset"))
    try:
        time_ms = int(testset.findtext("time-limit") or DEFAULT_TIME_MS)
        memory_mb = max(16, int(testset.findtext("memory-limit") or 256 << 20) >> 20)
    except ValueError:
        raise UserError(say("problem.xml: time-limit과 memory-limit은 숫자여야 합니다",
                            "problem.xml: time-limit and memory-limit must be numbers")) from None
    if not limits_ok(time_ms, memory_mb):
        raise UserError(say("problem.xml: time-limit은 1..600000 ms, memory-limit은 16..65536 MiB "
                            "사이여야 합니다",
                            "problem.xml: time-limit must be 1..600000 ms and memory-limit "
                            "16..65536 MiB"))
    pattern = testset.findtext("input-path-pattern") or "tests/%02d"
    answer_pattern = testset.findtext("answer-path-pattern") or pattern + ".a"
    test_els = testset.findall("tests/test")
    tests: list[Pair] = []
    samples: list[Pair] = []
    for i, el in enumerate(test_els, start=1):
        inp = root / _numbered(pattern, i, "input-path-pattern")
        ans = root / _numbered(answer_pattern, i, "answer-path-pattern")
        if not inp.is_file():
            raise UserError(say(f"파일이 없습니다: {pattern % i} (problem.xml에는 테스트가 "
                                f"{len(test_els)}개 있습니다)",
                                f"{pattern % i} is missing (problem.xml lists {len(test_els)} "
                                f"tests)"))
        if not ans.is_file():
            raise UserError(say(f"답 파일이 없습니다: {answer_pattern % i} (Polygon에서 'generate "
                                f"answers'를 실행하거나 .a 파일을 넣으세요)",
                                f"{answer_pattern % i} has no answer (run Polygon's 'generate "
                                f"answers', or give the .a files)"))
        pair = Pair(f"{i:02d}", _inside(root, inp), _inside(root, ans))
        (samples if el.get("sample") == "true" else tests).append(pair)
    if not test_els:
        raise UserError(say("problem.xml에 테스트가 하나도 없습니다", "problem.xml lists no tests"))
    checker_el = tree.find("assets/checker/source")
    copies: list[tuple[Path, str]] = []
    checker = "boj"
    notes: list[str] = []
    if checker_el is not None and checker_el.get("path"):
        src = _inside(root, root / checker_el.get("path", ""))
        if not src.is_file():
            named = checker_el.get("path")
            raise UserError(say(f"problem.xml에 적힌 체커 파일이 없습니다: {named}",
                                f"problem.xml names the checker {named}, which is missing"))
        copies.append((src, src.name))
        checker = f"special:{src.name}"
        header = next((p for p in (src.parent / "testlib.h", root / "files" / "testlib.h")
                       if p.is_file()), None)
        if header is None and "testlib.h" in read_text(src, root):
            named = checker_el.get("path")
            raise UserError(say(f"체커가 testlib.h를 include하지만 패키지에 없습니다: {named} "
                                f"(files/에 testlib.h를 넣으세요)",
                                f"{named} includes testlib.h, which the package lacks (put it "
                                f"in files/)"))
        if header is not None:
            copies.append((header, "testlib.h"))
    labels = {"main": "accepted", "accepted": "accepted", "wrong-answer": "wrong_answer",
              "presentation-error": "wrong_answer", "time-limit-exceeded": "time_limit_exceeded",
              "memory-limit-exceeded": "memory_limit_exceeded", "rejected": "rejected",
              "time-limit-exceeded-or-accepted": "", "failed": "rejected"}
    for sol in tree.findall("assets/solutions/solution"):
        label = labels.get(sol.get("tag", ""), "")
        source = sol.find("source")
        if not label or source is None or not source.get("path"):
            continue
        path = _inside(root, root / source.get("path", ""))
        if path.is_file():
            copies.append((path, f"submissions/{label}/{path.name}"))
    if not samples:
        samples, tests = tests[:1], tests[1:]
    text = None
    legend_file = None
    for legend in sorted(root.glob("statements/*/problem.tex")) + sorted(
            root.glob("statement-sections/*/legend.tex")):
        body = read_text(legend, root)
        body = re.sub(r"\\begin\{problem\}(\{[^}]*\})*", "", body)
        body = body.replace("\\InputFile", "\\section*{Input}").replace(
            "\\OutputFile", "\\section*{Output}")
        text = f"# {title}\n\n" + tex_to_text(body)
        legend_file = legend
        break
    found = Found(root, ["Polygon package (problem.xml, tests/)"], tests, samples, legend_file,
                  None, notes=notes)
    found.package = "polygon"
    found.statement_text = text
    found.copies = copies
    found.package_meta = {"title": title, "time_limit_ms": time_ms, "memory_mb": memory_mb,
                          "checker": checker, "source": f"Polygon package {root.name}"}
    return found


def derive_time_limit(problem: Any, multiplier: float) -> int:
    """problemtools' rule: the slowest accepted submission's time × ``multiplier``, in ms
    (rounded up to 100 ms); the submissions run with a 10 s limit. UserError when one of them is
    not accepted."""
    from studylog.judge import languages
    from studylog.judge.problems.cases import build_tests
    from studylog.judge.runner import judge
    from studylog.judge.verdicts import Verdict

    given = problem.time_limit_ms
    problem.time_limit_ms = 10_000
    slowest = 0
    try:
        tests = build_tests(problem, use_cache=False)
        for path in sorted((problem.path / "submissions" / "accepted").rglob("*")):
            if not path.is_file():
                continue
            try:
                language = languages.detect(path)
            except UserError:
                continue
            result = judge(problem, path, tests=tests, lang=language.key)
            if result.verdict is not Verdict.AC:
                got = result.verdict.value
                raise UserError(say(f"accepted 제출 {path.name}의 결과가 {got}입니다 (10 s "
                                    f"제한); 시간 제한을 정할 수 없으니 --time-limit을 주세요",
                                    f"the accepted submission {path.name} is {got} (with 10 s); "
                                    f"the time limit cannot be derived: give --time-limit"))
            slowest = max(slowest, result.time_ms)
    finally:
        problem.time_limit_ms = given
    return max(100, -(-round(slowest * multiplier) // 100) * 100)


def _case_name(name: str, kind: str) -> str:
    """A test's name as a file name of ``data/`` (its group folder kept)."""
    stem = name.removeprefix(f"{kind} ").removeprefix("test ")
    parts = [re.sub(r"[^A-Za-z0-9_.-]+", "-", p).strip("-.") or "case" for p in stem.split("/")]
    return "/".join(parts)


def export_kattis(problem: Any, dest: Path) -> list[str]:
    """Write ``problem`` with EVERY test (samples in ``data/sample``, all others in
    ``data/secret``, groups as folders) as an ICPC/Kattis package at ``dest`` (new or empty):
    ``problem.yaml`` (name, limits, validation, validator_flags), ``.timelimit``,
    ``problem_statement/problem.md``, the output validator and the submissions where the problem
    has them. A studylog-only checker (boj, exact, unordered, a special judge) is written as a
    ``# studylog checker:`` line that ``problems add`` reads back (other tools use the default
    validator). Returns notes for the user."""
    import shutil

    from studylog.judge.problems.cases import build_tests

    dest = dest.expanduser()
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise UserError(say(f"이미 있고 빈 폴더가 아닙니다: {dest}",
                            f"{dest} exists and is not an empty folder"))
    notes: list[str] = []
    spec = problem.checker_spec
    meta: dict[str, Any] = {"name": problem.title}
    if problem.source:
        meta["source"] = problem.source
    hint = ""
    if spec.name == "kattis":
        meta["validation"] = "custom"
        if spec.arg:
            meta["validator_flags"] = spec.arg
    else:
        meta["validation"] = "default"
        if spec.name == "float":
            meta["validator_flags"] = f"float_tolerance {spec.eps:g}"
        elif spec.name == "icpc" and spec.arg:
            meta["validator_flags"] = spec.arg
        elif spec.name == "exact":
            meta["validator_flags"] = "case_sensitive space_change_sensitive"
        if spec.name != "icpc":
            hint = spec.kind  # studylog reads its own checker back exactly
        if spec.name not in ("float", "icpc"):
            notes.append(say(f"체커 {spec.kind}에 맞는 ICPC 체커가 없습니다: 다른 채점기는 기본 "
                             f"validator를 쓰고, studylog는 이 체커를 그대로 다시 읽습니다",
                             f"checker {spec.kind} has no ICPC equivalent: other judges use "
                             f"the default validator; studylog reads it back"))
    meta["limits"] = {"time_limit": problem.time_limit_ms / 1000, "memory": problem.memory_mb}
    try:
        dest.mkdir(parents=True, exist_ok=True)
        head = f"# studylog checker: {hint}\n" if hint else ""
        (dest / "problem.yaml").write_text(head + miniyaml.dumps(meta), encoding="utf-8")
        (dest / ".timelimit").write_text(f"{problem.time_limit_ms / 1000:g}\n", encoding="utf-8")
        seen: set[str] = set()
        counts: dict[str, int] = {}
        for t in build_tests(problem):
            where = "sample" if t.kind == "sample" else "secret"
            name = _case_name(t.name, t.kind)
            if where == "secret":  # numbered so that every tool runs them in studylog's order
                folder, _, leaf = name.rpartition("/")
                counts[folder] = counts.get(folder, 0) + 1
                name = f"{folder}/" * bool(folder) + f"{counts[folder]:03d}-{leaf}"
            while f"{where}/{name}" in seen:
                name += "_"
            seen.add(f"{where}/{name}")
            path = dest / "data" / where / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.with_name(path.name + ".in").write_text(t.input, encoding="utf-8")
            path.with_name(path.name + ".ans").write_text(t.expected, encoding="utf-8")
        if problem.statement_path.is_file():
            (dest / "problem_statement").mkdir()
            shutil.copy2(problem.statement_path, dest / "problem_statement" / "problem.md")
        for d in (*VALIDATOR_DIRS, "submissions"):
            if (problem.path / d).is_dir():
                shutil.copytree(problem.path / d, dest / d,
                                ignore=shutil.ignore_patterns("__pycache__"))
        if spec.name == "special":
            from studylog.judge.checkers.special import find_checker_file

            src = find_checker_file(problem.path, spec.arg)
            (dest / "studylog_checker").mkdir()
            shutil.copy2(src, dest / "studylog_checker" / src.name)
            if (src.parent / "testlib.h").is_file():
                shutil.copy2(src.parent / "testlib.h", dest / "studylog_checker" / "testlib.h")
    except OSError as exc:
        raise UserError(say(f"쓸 수 없습니다: {dest} ({exc.strerror or exc})",
                            f"cannot write {dest}: {exc.strerror or exc}")) from None
    return notes
