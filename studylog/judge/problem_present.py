"""The words of the problem list, the statements, the checkers and the archive commands, in
Korean or English (``lang`` is ``"ko"`` or ``"en"``). The CLI and the app both render these
strings; nothing here prints.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from studylog.judge.checker_kinds import FLOAT_EPS, parse_kind

if TYPE_CHECKING:
    from studylog.judge.archive import Plan
    from studylog.judge.bank import Problem, ProblemStatus

STATUS_MARKS = {
    "ko": {"solved": "✔ 해결", "tried": "✘ 시도", "new": "· 새 문제"},
    "en": {"solved": "✔ solved", "tried": "✘ tried", "new": "· new"},
}
LIST_HEADERS = {
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
    "no_statement": ("(문제 설명 없음: {folder} 에서 가져온 테스트 {n}개)",
                     "(No statement: {n} tests imported from {folder}.)"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "ko" else pair[1]


def word(key: str, lang: str, **values: object) -> str:
    """The phrase ``key`` of :data:`WORDS` in ``lang``, filled with ``values``."""
    return _pick(WORDS[key], lang).format(**values)


def status_mark(status: str, lang: str) -> str:
    """``✔ solved`` / ``✘ tried`` / ``· new`` (Korean: 해결 / 시도 / 새 문제)."""
    return STATUS_MARKS["ko" if lang == "ko" else "en"].get(status, status)


def tag_name(tag: str, lang: str) -> str:
    """A tag's name in ``lang`` (an unknown tag as written)."""
    return _pick(TAGS[tag], lang) if tag in TAGS else tag


def tags_text(tags: Iterable[str], lang: str) -> str:
    """Tags as one comma-separated string."""
    return ", ".join(tag_name(t, lang) for t in tags)


def tag_key(query: str) -> str:
    """The tag key a user typed (a key or a Korean/English name, any case, ``_`` or space for
    ``-``), or the query normalized when it names no known tag."""
    q = " ".join(query.strip().lower().replace("_", " ").replace("-", " ").split())
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
    return word("judged_by", lang, name=checker_name(kind, lang))


def limits_text(time_limit_ms: int, memory_mb: int) -> str:
    """``1s 128MB``."""
    return f"{time_limit_ms / 1000:g}s {memory_mb}MB"


def list_headers(lang: str) -> list[str]:
    """Column headers of the problem list."""
    return list(LIST_HEADERS["ko" if lang == "ko" else "en"])


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
        return word("none_match", lang)
    solved = sum(r.status == "solved" for r in rows)
    return word("summary", lang, solved=solved, total=len(rows))


def by_tag_rows(problems: list[Problem], lang: str) -> list[list[str]]:
    """The bank grouped by topic: rows of (topic, problems as ``ID title``)."""
    rows = []
    for group in TAG_GROUPS:
        members = [p for p in problems if set(group) & set(p.tags)]
        if members:
            titles = ", ".join(f"{p.id} {p.title if lang == 'ko' else p.title_en or p.title}"
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
            parts.append(f"## {word(key, lang, n=n)}\n\n{fence}\n{text.rstrip()}\n{fence}")
    return "\n\n".join(parts)


def statement_markdown(problem: Problem, lang: str) -> str:
    """The statement as markdown, ending with its samples (what `solve ID --statement` prints
    and the app's Statement tab shows)."""
    text = problem.statement().rstrip()
    samples = samples_markdown(problem.samples(), lang)
    return f"{text}\n\n{samples}\n" if samples else text + "\n"


def placeholder_statement(problem_id: str, title: str, folder: str, n: int) -> str:
    """The statement of a problem imported without one (both languages)."""
    return (f"# {problem_id} {title}\n\n{word('no_statement', 'ko', folder=folder, n=n)}\n\n"
            f"{word('no_statement', 'en', folder=folder, n=n)}\n")


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


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (Hangul and other wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def added_line(problem: Problem, tests: int, lang: str) -> str:
    """The line after a problem was added."""
    n = len(problem.samples())
    return word("added", lang, id=problem.id, title=problem.title, tests=tests,
                ts="" if tests == 1 else "s", samples=n, ss="" if n == 1 else "s",
                checker=problem.checker, path=problem.path)


def exported_line(problem: Problem, path: object, lang: str) -> str:
    """The line after a problem was exported."""
    return word("exported", lang, id=problem.id, title=problem.title, path=path)
