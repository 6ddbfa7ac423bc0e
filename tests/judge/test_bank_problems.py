"""Every built-in problem: its files, an original two-language statement, a reference that passes
its samples and agrees with its brute force (through the problem's checker) on random cases."""

import random
import re

import pytest

from studylog.judge.checkers.compare import CHECKERS, judge_output, parse_kind
from studylog.judge.problems.bank import list_problems

BANK = [p for p in list_problems() if p.builtin]
IDS = [p.id for p in BANK]
HANGUL = re.compile(r"[가-힣]")
CASES = 10  # random cases per problem: few, small (the brute forces are slow by design)
_edges: dict[str, list[tuple[str, str]]] = {}


def edge_cases(problem) -> list[tuple[str, str]]:
    """The generator's edge cases (built once: a few are large)."""
    if problem.id not in _edges:
        _edges[problem.id] = problem.module("gen").edge_cases()
    return _edges[problem.id]


def test_the_bank_has_20_problems_and_every_checker():
    assert len(BANK) >= 20
    kinds = {parse_kind(p.checker)[0] for p in BANK}
    # one bank problem per checker at least; icpc and kattis come with problem packages
    # (their tests are in test_packages.py)
    assert kinds == set(CHECKERS) - {"icpc", "kattis"}, kinds
    groups = ["bfs", "shortest-path", "topological-sort", "union-find", "binary-search",
              "two-pointers", "greedy", "dp", "backtracking", "implementation"]
    for tag in groups:
        assert any(tag in p.tags for p in BANK), tag


@pytest.mark.parametrize("problem", BANK, ids=IDS)
def test_problem_files_and_statement(problem):
    assert problem.title and problem.title_en and problem.tags
    assert problem.source.startswith("https://www.acmicpc.net/problem/") or problem.id == "pairs"
    text = problem.statement()
    assert text.startswith(f"# {problem.id} {problem.title} ({problem.title_en})\n")
    assert "## 입력 / Input" in text and "## 출력 / Output" in text
    paragraphs = [p for p in text.split("\n\n") if p and not p.startswith(("#", "-", "`"))]
    assert any(HANGUL.search(p) for p in paragraphs), "a Korean paragraph"
    assert any(not HANGUL.search(p) and len(p) > 80 for p in paragraphs), "an English one"
    assert problem.samples() and problem.module("gen") and problem.module("ref")
    names = [n for n, _ in edge_cases(problem)]
    assert names and len(names) == len(set(names))


@pytest.mark.parametrize("problem", BANK, ids=IDS)
def test_reference_passes_samples_and_agrees_with_brute(problem):
    ref, brute, gen = problem.module("ref"), problem.module("brute"), problem.module("gen")
    for _name, inp, out in problem.samples():
        assert ref.solve(inp) == out
    for _name, text in edge_cases(problem):
        if len(text) < 2000:  # the small edge cases are valid inputs the reference solves
            assert ref.solve(text if text.endswith("\n") else text + "\n")
    if brute is None:
        return
    for i in range(CASES):
        rng = random.Random(f"{problem.id}:{i}")
        text = gen.generate(rng, rng.uniform(0.02, 0.2))
        expected, got = ref.solve(text), brute.solve(text)
        verdict = judge_output(problem.checker, problem.path, text, expected, got).verdict
        assert verdict.value == "AC", (text[:500], expected[:200], got[:200])


def test_generators_are_seeded():
    for p in BANK:
        gen = p.module("gen")
        assert gen.generate(random.Random(5), 0.3) == gen.generate(random.Random(5), 0.3), p.id


@pytest.mark.parametrize("problem", [p for p in BANK if hasattr(p.module("gen"), "shrink")],
                         ids=lambda p: p.id)
def test_shrink_candidates_are_valid_inputs(problem):
    gen, ref = problem.module("gen"), problem.module("ref")
    text = gen.generate(random.Random(5), 0.15)
    assert gen.render(gen.parse(text)) == text
    for k, cand in enumerate(gen.shrink(gen.parse(text))):
        if k > 40:
            break
        smaller = gen.render(cand)
        assert gen.render(gen.parse(smaller)) == smaller
        ref.solve(smaller)  # the reference accepts it
