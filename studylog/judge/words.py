"""Every word the judge shows a user (runs, stress, history, the problem list, statements,
checkers, problem folders), for the CLI and the app alike, in Korean or English: ``lang`` is read
with :func:`studylog.words.as_lang`. Nothing here prints. BOJ's Korean verdict names stay in
:mod:`studylog.judge.verdicts`; a run's first-failure report is :mod:`studylog.judge.report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from studylog.judge.checkers.spec import FLOAT_EPS, parse_kind
from studylog.judge.runner import GroupResult, JudgeResult, TestResult
from studylog.judge.stress import StressResult
from studylog.judge.verdicts import ENGLISH, KOREAN, Verdict
from studylog.words import Lang, as_lang, compose_hangul, display_width, pick

if TYPE_CHECKING:
    from studylog.judge.problems.bank import Problem, ProblemStatus
    from studylog.judge.problems.check import CheckReport, CheckRow
    from studylog.judge.problems.folders import Plan

__all__ = ["ENGLISH", "KOREAN"]  # re-exported: the verdict names are part of the vocabulary

_WORDS: dict[Lang, dict[str, str]] = {
    "ko": {"solved": "해결", "tried": "시도", "new": "새 문제", "passed": "통과",
           "cancelled": "취소됨", "not recorded": "기록하지 않음", "tests ran": "개 테스트 실행",
           "skipped": "건너뜀", "not run: stopped": "채점 안 함: 시간 초과 뒤 멈춤",
           "not run: cancelled": "채점 안 함: 취소됨",
           "not run: compile error": "채점 안 함: 컴파일 에러", "attempt": "제출", "input": "입력", "expected": "정답",
           "received": "출력", "diff": "차이 (- 정답, + 출력)", "stderr": "stderr (마지막 줄)",
           "first failure": "처음 틀린 테스트", "compile error": "컴파일 에러",
           "limit": "제한", "tests": "개 테스트", "no failure": "실패 없음",
           "random cases": "개 무작위 입력", "minimal": "가장 작은 실패 입력",
           "saved": "회귀 테스트로 저장됨: `studylog solve {id} FILE` 이 먼저 실행합니다",
           "sandbox": "샌드박스", "checker says": "채점기 메시지", "no file": "(파일 없음)",
           "judge failed": "채점 실패", "stress failed": "스트레스 테스트 실패"},
    "en": {"solved": "solved", "tried": "tried", "new": "new", "passed": "passed",
           "cancelled": "cancelled", "not recorded": "not recorded", "tests ran": " tests ran",
           "skipped": "skipped", "not run: stopped": "not run: stopped after a time limit",
           "not run: cancelled": "not run: cancelled",
           "not run: compile error": "not run: compile error",
           "attempt": "attempt", "input": "input",
           "expected": "expected", "received": "received",
           "diff": "diff (- expected, + received)", "stderr": "stderr (last lines)",
           "first failure": "first failing test", "compile error": "compile error",
           "limit": "limit", "tests": " tests", "no failure": "no failure",
           "random cases": " random cases", "minimal": "minimal failing input",
           "saved": "saved as a regression case: `studylog solve {id} FILE` runs it first",
           "sandbox": "sandbox", "checker says": "the checker says", "no file": "(no file)",
           "judge failed": "judge failed", "stress failed": "stress failed"},
}

TEST_COLUMNS = ("#", "test", "kind", "verdict", "time", "memory")
_TEST_KO = ("#", "테스트", "종류", "결과", "시간", "메모리")
HISTORY_COLUMNS = ("#", "when", "lang", "file", "verdict", "passed", "time", "memory")
_HISTORY_KO = ("#", "언제", "언어", "파일", "결과", "통과", "시간", "메모리")


def test_headers(lang: str = "en", *, kind: bool = True) -> tuple[str, ...]:
    """The columns of the per-test table (``solve``, the app's Solve and History tabs), in the
    order of :func:`test_row`; without ``kind`` the third column is left out."""
    cols = _TEST_KO if as_lang(lang) == "ko" else TEST_COLUMNS
    return cols if kind else cols[:2] + cols[3:]


def history_headers(lang: str = "en") -> tuple[str, ...]:
    """The columns of a problem's attempts (``solve --history``, the app's History tab)."""
    return _HISTORY_KO if as_lang(lang) == "ko" else HISTORY_COLUMNS


def history_title(problem_id: str, title: str, count: int, lang: str = "en") -> str:
    """The title over a problem's attempts, or the line when it has none."""
    if not count:
        return pick(as_lang(lang), f"{problem_id} {title}: 아직 제출 없음",
                    f"no attempts at {problem_id} {title} yet")
    return pick(as_lang(lang), f"{problem_id} {title}: 제출 {count}회",
                f"{problem_id} {title}: {count} attempts")


STATUS_MARKS: dict[Lang, dict[str, str]] = {
    "ko": {"solved": "✔ 해결", "tried": "✘ 시도", "new": "· 새 문제"},
    "en": {"solved": "✔ solved", "tried": "✘ tried", "new": "· new"},
}
LIST_HEADERS: dict[Lang, list[str]] = {
    "ko": ["번호", "제목", "상태", "시도", "최근", "제한", "채점", "분류"],
    "en": ["id", "title", "status", "tries", "last", "limits", "checker", "tags"],
}
TAGS: dict[str, tuple[str, str]] = {  # key: (Korean, English)
    "graph": ("그래프", "graph"),
    "grid": ("격자", "grid"),
    "bfs": ("너비 우선 탐색", "BFS"),
    "dfs": ("깊이 우선 탐색", "DFS"),
    "flood-fill": ("플러드 필", "flood fill"),
    "connected-components": ("연결 요소", "connected components"),
    "multi-source-bfs": ("다중 시작점 BFS", "multi-source BFS"),
    "8-neighbourhood": ("8방향 인접", "8-neighbourhood"),
    "traversal-order": ("방문 순서", "traversal order"),
    "shortest-path": ("최단 경로", "shortest path"),
    "dijkstra": ("데이크스트라", "Dijkstra"),
    "floyd-warshall": ("플로이드–워셜", "Floyd–Warshall"),
    "topological-sort": ("위상 정렬", "topological sort"),
    "union-find": ("분리 집합", "union-find"),
    "binary-search": ("이분 탐색", "binary search"),
    "parametric-search": ("매개 변수 탐색", "parametric search"),
    "two-pointers": ("두 포인터", "two pointers"),
    "greedy": ("그리디", "greedy"),
    "sorting": ("정렬", "sorting"),
    "dp": ("다이나믹 프로그래밍", "dynamic programming"),
    "knapsack": ("배낭 문제", "knapsack"),
    "lis": ("가장 긴 증가하는 부분 수열", "LIS"),
    "backtracking": ("백트래킹", "backtracking"),
    "recursion": ("재귀", "recursion"),
    "implementation": ("구현", "implementation"),
    "simulation": ("시뮬레이션", "simulation"),
    "math": ("수학", "math"),
}
TAG_GROUPS = [  # the bank by topic, in the order a course meets them
    ("bfs", "dfs", "flood-fill"), ("shortest-path",), ("topological-sort",), ("union-find",),
    ("binary-search",), ("two-pointers",), ("greedy",), ("dp",), ("backtracking",),
    ("implementation", "math"),
]
CHECKER_NAMES = {
    "exact": ("바이트 단위로 정확히 일치", "exact (byte for byte)"),
    "boj": ("BOJ 규칙 (줄 끝 공백·마지막 빈 줄 무시)", "boj (trailing spaces ignored)"),
    "tokens": ("토큰 비교 (공백 무시)", "tokens (whitespace ignored)"),
    "float": ("실수 비교 (오차 {eps})", "float (error {eps})"),
    "unordered": ("줄 순서 무관", "unordered (lines in any order)"),
    "special": ("스페셜 저지{file}", "special judge{file}"),
    "icpc": ("ICPC 기본 검증기{file}", "ICPC default validator{file}"),
    "kattis": ("패키지의 출력 검증기{file}", "the package's output validator{file}"),
}
WORDS = {
    "sample_input": ("예제 입력 {n}", "Sample input {n}"),
    "sample_output": ("예제 출력 {n}", "Sample output {n}"),
    "judged_by": ("채점: {name}", "checker: {name}"),
    "checker_says": ("채점기 메시지:", "the checker says:"),
    "summary": ("{total}문제 중 {solved}문제 해결 · 채점 `studylog solve ID FILE`, 문제 보기 "
                "`--statement` (* = 직접 추가한 문제)",
                "{solved}/{total} solved · `studylog solve ID FILE` to judge, `--statement` to "
                "read one (* = your own)"),
    "none_match": ("조건에 맞는 문제가 없습니다", "no problem matches"),
    "added": ("{id} {title} 추가: 테스트 {tests}개 (예제 {samples}개), 채점 {checker}; "
              "저장 위치 {path}",
              "added {id} {title}: {tests} test{ts} ({samples} sample{ss}), checker {checker}; "
              "stored in {path}"),
    "exported": ("{id} {title} 내보냄: {path} (`studylog problems add {path}` 로 다시 추가)",
                 "exported {id} {title} to {path} (`studylog problems add {path}` takes it "
                 "back)"),
    "exported_kattis": ("{id} {title} 내보냄 (ICPC/Kattis 패키지, 테스트 {tests}개): {path} "
                        "(`studylog problems add {path}` 로 다시 추가)",
                        "exported {id} {title} as an ICPC/Kattis package ({tests} tests) to "
                        "{path} (`studylog problems add {path}` takes it back)"),
    "check_summary": ("{id}: 제출 {judged}개 채점, 폴더와 다른 판정 {disagree}개",
                      "{id}: {judged} submissions judged, {disagree} disagree with their folder"),
    "check_agree": ("일치", "agrees"),
    "check_disagree": ("불일치", "DISAGREES"),
    "check_skipped": ("채점 안 함", "not judged"),
    "no_statement": ("(문제 설명 없음: {folder} 에서 가져온 테스트 {n}개)",
                     "(No statement: {n} tests imported from {folder}.)"),
}


def word(key: str, lang: str = "en") -> str:
    """One word of the judge's vocabulary in ``lang``."""
    return _WORDS[as_lang(lang)][key]


def status_mark(status: str, lang: str = "en") -> str:
    """``✔ solved`` / ``✘ tried`` / ``· new`` (Korean: 해결 / 시도 / 새 문제)."""
    return STATUS_MARKS[as_lang(lang)].get(status, status)


def status_symbol(status: str) -> str:
    """``✔`` / ``✘`` / ``·``: the status mark alone, for a narrow list (its legend is the
    header and :func:`status_mark`)."""
    return STATUS_MARKS["en"].get(status, status).split(" ")[0]


def verdict_name(v: Verdict | str) -> str:
    """``AC 맞았습니다!!`` — the code with BOJ's Korean name."""
    v = Verdict(v)
    return f"{v.value} {KOREAN[v]}"


def verdict_full(v: Verdict | str) -> str:
    """``AC 맞았습니다!! (Accepted)``."""
    v = Verdict(v)
    return f"{verdict_name(v)} ({ENGLISH[v]})"


def compile_error_heading(lang: str = "en") -> str:
    """The heading above the compiler's message."""
    return pick(as_lang(lang), "컴파일 에러 (CE):", "compile error (CE 컴파일 에러):")


def memory(kb: int | None) -> str:
    """Memory as a user reads it: ``9.5 MB`` (``-`` when unknown)."""
    return f"{kb / 1024:.1f} MB" if kb else "-"


def sandbox_line(name: str, why: str = "", lang: str = "en") -> str:
    """``sandbox: bwrap``, or the fallback with the reason the box could not start."""
    text = f"{word('sandbox', lang)}: {name}"
    return text + (f" ({why})" if name != "bwrap" and why else "")


def heading(problem_id: str, title: str, title_en: str, language_name: str, filename: str,
            total: int, lang: str = "en") -> str:
    """The first line of a run: problem, language, file and number of tests."""
    name = f"{title} ({title_en})" if title_en else title
    return f"{problem_id} {name} · {language_name} · {filename} · {total}{word('tests', lang)}"


def solve_target(problem_id: str, title: str, filename: str, time_limit_ms: int,
                 memory_mb: int, lang: str = "en") -> str:
    """What the app's Solve tab will judge: ``2667 단지번호붙이기 ← sol.py · 1 s, 128 MB``."""
    return (f"{problem_id} {title} ← {filename or word('no file', lang)} · "
            f"{time_limit_ms / 1000:g} s, "
            f"{memory_mb} MB")


def summary_line(result: JudgeResult, lang: str = "en") -> str:
    """The verdict line of a run; a cancelled run says cancelled, never a verdict."""
    ran = sum(t.verdict is not Verdict.SKIP for t in result.tests)
    if result.cancelled:
        return (f"{word('cancelled', lang)} · {ran}/{result.total}{word('tests ran', lang)} · "
                f"{word('not recorded', lang)}")
    v = result.verdict
    extra = ""
    skipped = result.total - ran
    if skipped and v is not Verdict.CE:
        extra += f" · {skipped} {word('skipped', lang)}"
    if v is Verdict.TLE:
        extra += f" · {word('limit', lang)} {result.time_limit_ms} ms CPU ({result.language_name})"
    if result.attempt_id:
        extra += f" · {word('attempt', lang)} #{result.attempt_id}"
    return (f"{verdict_full(v)} · {result.passed}/{result.total} {word('passed', lang)} · "
            f"max {result.time_ms} ms · {memory(result.memory_kb)}{extra} · "
            f"{checker_line(result.checker, lang)}")


def not_run(t: TestResult, lang: str = "en") -> str:
    """Why a test was not run ("not run: stopped after a time limit", ...): not a verdict."""
    why = t.skipped_because or "stopped"
    return word(f"not run: {why}", lang)


def test_row(t: TestResult) -> list[str]:
    """One row of the per-test table (see ``TEST_COLUMNS``)."""
    if t.verdict is Verdict.SKIP:
        return [str(t.index), t.name, t.kind, "SKIP", "-", "-"]
    return [str(t.index), t.name, t.kind, t.verdict.value, f"{t.time_ms} ms", memory(t.memory_kb)]


GROUP_HEADERS = {"ko": ["그룹", "판정", "통과", "시간"], "en": ["group", "verdict", "passed", "time"]}


def group_headers(lang: str) -> list[str]:
    """Column headers of the per-group table."""
    return list(GROUP_HEADERS[as_lang(lang)])


def group_row(g: GroupResult) -> list[str]:
    """One test group as cells: name, verdict, passed/total, max time."""
    return [g.group, g.verdict.value, f"{g.passed}/{g.total}",
            "-" if g.verdict is Verdict.SKIP else f"{g.time_ms} ms"]


def test_row_json(t: dict) -> list[str]:
    """A row of the per-test table from a stored attempt's test summary."""
    v = t.get("verdict", "")
    if v == "SKIP":
        return [str(t.get("index", "")), t.get("name", ""), t.get("kind", ""), "SKIP", "-", "-"]
    return [str(t.get("index", "")), t.get("name", ""), t.get("kind", ""), v,
            f"{t.get('time_ms', 0)} ms", memory(t.get("memory_kb"))]


def stress_line(result: StressResult, seed: int, lang: str = "en") -> str:
    """The outcome line of a stress run."""
    if result.compile_message:
        return f"{word('compile error', lang)} (CE {KOREAN[Verdict.CE]})"
    if not result.failed:
        note = f" · {word('cancelled', lang)}" if result.cancelled else ""
        return (f"{word('no failure', lang)}: {result.cases}{word('random cases', lang)} "
                f"(seed {seed}) · {result.cases_per_s:.1f} cases/s{note}")
    m = result.minimal
    size = len(m.input) if m is not None else 0
    if as_lang(lang) == "ko":
        return (f"{verdict_name(result.verdict)}: 무작위 입력 {result.cases}개 중 실패 (seed {seed}) · "
                f"{result.shrink_steps}단계({result.shrink_evaluations}회 실행)로 "
                f"{len(result.original_input)}자 → {size}자로 줄임")
    return (f"{verdict_name(result.verdict)} on a random case after {result.cases} cases "
            f"(seed {seed}) · shrunk in {result.shrink_steps} steps "
            f"({result.shrink_evaluations} runs) from {len(result.original_input)} to {size} "
            f"characters")


def saved_line(problem_id: str, lang: str = "en") -> str:
    """Where a stress run's minimal case went."""
    return word("saved", lang).format(id=problem_id)


def history_row(a) -> list[str]:
    """One row of a problem's attempts (``store.attempts.AttemptRow``)."""
    return [str(a.id), a.created.replace("T", " ")[:19], a.language, a.filename, a.verdict,
            f"{a.passed}/{a.total}", f"{a.time_ms or 0} ms", memory(a.memory_kb)]


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pick(as_lang(lang), *pair)


def phrase(key: str, lang: str, **values: object) -> str:
    """The phrase ``key`` of :data:`WORDS` in ``lang``, filled with ``values``."""
    return _pick(WORDS[key], lang).format(**values)


def tag_name(tag: str, lang: str) -> str:
    """A tag's name in ``lang`` (an unknown tag as written)."""
    return _pick(TAGS[tag], lang) if tag in TAGS else tag


def tags_text(tags: Iterable[str], lang: str) -> str:
    """Tags as one comma-separated string."""
    return ", ".join(tag_name(t, lang) for t in tags)


def tag_key(query: str) -> str:
    """The tag key a user typed (a key or a Korean/English name, any case, ``_`` or space for
    ``-``), or the query normalized when it names no known tag."""
    q = " ".join(compose_hangul(query).strip().lower().replace("_", " ").replace("-", " ").split())
    for key, (ko, en) in TAGS.items():
        if q in (key.replace("-", " "), ko.lower(), en.lower().replace("-", " ")):
            return key
    return q.replace(" ", "-")


def checker_name(kind: str, lang: str) -> str:
    """What checker ``kind`` does, in words (``float:1e-4`` → ``float (error 0.0001)``)."""
    name, arg = parse_kind(kind)
    eps = f"{float(arg) if arg and name == 'float' else FLOAT_EPS:g}"
    return _pick(CHECKER_NAMES[name], lang).format(eps=eps, file=f" ({arg})" if arg else "")


def checker_line(kind: str, lang: str) -> str:
    """``checker: boj (trailing spaces ignored)`` for a verdict line."""
    return phrase("judged_by", lang, name=checker_name(kind, lang))


def limits_text(time_limit_ms: int, memory_mb: int) -> str:
    """``1s 128MB``."""
    return f"{time_limit_ms / 1000:g}s {memory_mb}MB"


def list_headers(lang: str) -> list[str]:
    """Column headers of the problem list."""
    return list(LIST_HEADERS[as_lang(lang)])


def list_row(row: ProblemStatus, lang: str) -> list[str]:
    """One problem as the list's cells (id, title, status, tries, last, limits, checker,
    tags); the user's own problems are marked ``*``."""
    title = f"{row.title} ({row.title_en})" if row.title_en else row.title
    return [row.id + ("" if row.builtin else "*"), title, status_mark(row.status, lang),
            str(row.attempts), row.last_verdict or "-",
            limits_text(row.time_limit_ms, row.memory_mb), row.checker,
            tags_text(row.tags, lang)]


def list_summary(rows: list[ProblemStatus], lang: str) -> str:
    """The line under the list."""
    if not rows:
        return phrase("none_match", lang)
    solved = sum(r.status == "solved" for r in rows)
    return phrase("summary", lang, solved=solved, total=len(rows))


def by_tag_rows(problems: list[Problem], lang: str) -> list[list[str]]:
    """The bank grouped by topic: rows of (topic, problems as ``ID title``)."""
    rows = []
    for group in TAG_GROUPS:
        members = [p for p in problems if set(group) & set(p.tags)]
        if members:
            titles = ", ".join(f"{p.id} {pick(as_lang(lang), p.title, p.title_en or p.title)}"
                               for p in members)
            rows.append([" / ".join(tag_name(t, lang) for t in group), titles])
    return rows


def _fence(text: str) -> str:
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


def samples_markdown(samples: list[tuple[str, str, str]], lang: str) -> str:
    """예제 입력 N / 예제 출력 N blocks (Sample input N / Sample output N) as markdown."""
    parts = []
    for n, (_name, inp, out) in enumerate(samples, start=1):
        for key, text in (("sample_input", inp), ("sample_output", out)):
            fence = _fence(text)
            parts.append(f"## {phrase(key, lang, n=n)}\n\n{fence}\n{text.rstrip()}\n{fence}")
    return "\n\n".join(parts)


def statement_markdown(problem: Problem, lang: str) -> str:
    """The statement as markdown, ending with its samples (what `solve ID --statement` prints
    and the app's Statement tab shows)."""
    text = problem.statement().rstrip()
    samples = samples_markdown(problem.samples(), lang)
    return f"{text}\n\n{samples}\n" if samples else text + "\n"


def placeholder_statement(problem_id: str, title: str, folder: str, n: int) -> str:
    """The statement of a problem imported without one (both languages)."""
    return (f"# {problem_id} {title}\n\n{phrase('no_statement', 'ko', folder=folder, n=n)}\n\n"
            f"{phrase('no_statement', 'en', folder=folder, n=n)}\n")


PLAN_KEYS = {  # key: (Korean, English) labels of the dry-run lines
    "folder": ("폴더", "folder"), "layout": ("구성", "layout"), "samples": ("예제", "samples"),
    "tests": ("테스트", "tests"), "statement": ("문제 설명", "statement"),
    "reference": ("정답 코드", "reference"), "id": ("번호", "id"), "title": ("제목", "title"),
    "limits": ("제한", "limits"), "checker": ("채점", "checker"),
    "stored": ("저장 위치", "stored in"), "note": ("참고", "note"),
    "replaces": ("직접 추가한 같은 번호의 문제를 바꿈", "replaces yours"),
}


def plan_lines(plan: Plan, lang: str) -> list[str]:
    """What ``problems add --dry-run`` found, one fact per line (``label: value``)."""
    f = plan.found
    names = [n for n, _, _ in plan.tests]
    shown = ", ".join(names[:8]) + (f", … ({len(names)})" if len(names) > 8 else "")
    reference = ("ref.py" + (" + gen.py" if f.has_generator else "")) if f.has_reference else "-"
    replaces = f"  ({_pick(PLAN_KEYS['replaces'], lang)})" if plan.replaces else ""
    facts = [
        ("folder", str(f.folder)), ("layout", "; ".join(f.layouts) or "-"),
        ("samples", ", ".join(n for n, _, _ in plan.samples) or "-"), ("tests", shown or "-"),
        ("statement", f.statement.name if f.statement else "-"), ("reference", reference),
        ("id", plan.id + replaces), ("title", plan.title),
        ("limits", limits_text(plan.time_limit_ms, plan.memory_mb)),
        ("checker", f"{plan.checker} — {checker_name(plan.checker, lang)}"),
        ("stored", str(plan.target)),
    ] + [("note", n) for n in f.notes]
    labels = {k: _pick(v, lang) + ":" for k, v in PLAN_KEYS.items()}
    width = max(_width(labels[k]) for k, _ in facts) + 1
    return [labels[k] + " " * (width - _width(labels[k])) + v for k, v in facts]


_width = display_width


def added_line(problem: Problem, tests: int, lang: str) -> str:
    """The line after a problem was added."""
    n = len(problem.samples())
    return phrase("added", lang, id=problem.id, title=problem.title, tests=tests,
                ts="" if tests == 1 else "s", samples=n, ss="" if n == 1 else "s",
                checker=problem.checker, path=problem.path)


CHECK_HEADERS = {
    "ko": ["폴더", "파일", "언어", "판정", "기대", "결과", "시간", "메모"],
    "en": ["folder", "file", "lang", "verdict", "expected", "result", "time", "note"],
}


def check_headers(lang: str) -> list[str]:
    """Column headers of ``problems check``."""
    return list(CHECK_HEADERS[as_lang(lang)])


def check_row(row: CheckRow, lang: str) -> list[str]:
    """One labelled submission as the cells of ``problems check``."""
    if not row.verdict:
        result = phrase("check_skipped", lang)
    else:
        result = phrase("check_agree" if row.agrees else "check_disagree", lang)
    return [row.label, row.file, row.language, row.verdict or "-", "/".join(row.expected),
            result, f"{row.time_ms} ms" if row.verdict else "-", row.note]


def check_summary(report: CheckReport, lang: str) -> str:
    """The last line of ``problems check``."""
    return phrase("check_summary", lang, id=report.problem_id, judged=report.judged,
                  disagree=len(report.disagreements))


def exported_kattis_line(problem: Problem, path: object, tests: int, lang: str) -> str:
    """The line after a problem was exported as an ICPC/Kattis package."""
    return phrase("exported_kattis", lang, id=problem.id, title=problem.title, path=path,
                  tests=tests)


def exported_line(problem: Problem, path: object, lang: str) -> str:
    """The line after a problem was exported."""
    return phrase("exported", lang, id=problem.id, title=problem.title, path=path)


def starter_written(path: str, problem_id: str, lang: str = "en") -> str:
    """`solve ID --new` wrote a starter file: how to judge it."""
    return pick(as_lang(lang), ko=f"{path} 작성; 채점: studylog solve {problem_id} {path}",
                en=f"wrote {path}; judge it with: studylog solve {problem_id} {path}")


def stress_found_line(index: int, verdict: str, lang: str = "en") -> str:
    """A stress test's first failing case, while it is being shrunk."""
    return pick(as_lang(lang), ko=f"{index}번 케이스 실패 ({verdict}); 줄이는 중…",
                en=f"case {index} failed ({verdict}); shrinking…")


def shrink_line(steps: int, evaluations: int, size: int, lang: str = "en") -> str:
    """How far shrinking the failing input has come."""
    return pick(as_lang(lang), ko=f"줄이는 중: {steps}단계, {evaluations}개 시도, 지금 {size}자",
                en=f"shrinking: step {steps}, {evaluations} tried, {size} characters now")


def stress_progress_line(done: int, total: int, lang: str = "en") -> str:
    """Cases run so far in a stress test."""
    return pick(as_lang(lang), ko=f"스트레스 테스트: {done}/{total}", en=f"stress: {done}/{total}")


def stress_start_line(what: str, n: int, lang: str = "en") -> str:
    """A stress test starting: ``what`` (problem and file, or problem and seed), ``n`` cases."""
    return pick(as_lang(lang), ko=f"{what}: 스트레스 테스트, 무작위 입력 {n}개…",
                en=f"{what}: stress, {n} random cases…")
