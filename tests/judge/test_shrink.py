"""The shrinker on its own, and the bank's shrink candidates."""

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from studylog.judge.problems.bank import get_problem
from studylog.judge.shrink import chunks_removed, grid_candidates, shrink


def test_list_shrinks_to_the_single_culprit():
    items = list(range(100))
    res = shrink(items, lambda xs: 37 in xs, lambda xs: chunks_removed(xs))
    assert res.value == [37] and not res.exhausted and res.steps > 0


def test_pair_needed_keeps_both():
    res = shrink(list(range(50)), lambda xs: 3 in xs and 40 in xs, chunks_removed)
    assert res.value == [3, 40]


def test_result_always_fails_and_budget_is_respected():
    res = shrink(list(range(1000)), lambda xs: sum(xs) > 5000, chunks_removed, max_evaluations=7)
    assert sum(res.value) > 5000 and res.evaluations <= 7 and res.exhausted


def test_nothing_smaller_fails_returns_the_input():
    res = shrink([1, 2, 3], lambda xs: xs == [1, 2, 3], chunks_removed)
    assert res.value == [1, 2, 3] and res.steps == 0


def test_batch_evaluation_gives_the_same_answer():
    def fails(xs):
        return 11 in xs and 12 in xs

    one = shrink(list(range(64)), fails, chunks_removed)
    with ThreadPoolExecutor(4) as pool:
        many = shrink(list(range(64)), fails, chunks_removed, batch=4, map_fn=pool.map)
    assert one.value == many.value == [11, 12]


def test_cancel_stops_early():
    cancel = threading.Event()
    cancel.set()
    res = shrink(list(range(10)), lambda xs: True, chunks_removed, cancel=cancel)
    assert res.value == list(range(10)) and res.exhausted


def test_chunks_removed_respects_min_len():
    assert all(len(c) >= 2 for c in chunks_removed([1, 2, 3], min_len=2))
    assert list(chunks_removed([1], min_len=1)) == []


def test_grid_shrinks_to_one_cell_and_keeps_min_size():
    grid = [[0] * 8 for _ in range(8)]
    grid[5][6] = 1
    grid[1][1] = 1
    res = shrink(grid, lambda g: any(1 in row for row in g),
                 lambda g: grid_candidates(g, min_rows=3, min_cols=3, square=True, background=0))
    assert len(res.value) == 3 and all(len(r) == 3 for r in res.value)
    assert sum(map(sum, res.value)) == 1


def test_grid_non_square_drops_rows_and_columns():
    grid = [[1, 0, 0, 0], [0, 0, 0, 0]]
    cands = list(grid_candidates(grid, background=0))
    assert [[1, 0, 0, 0]] in cands and [[1, 0], [0, 0]] in cands
    assert [[0, 0, 0, 0], [0, 0, 0, 0]] in cands


@pytest.mark.parametrize("pid", ["2667", "1012", "2178", "4963", "7576", "1260"])
def test_bank_shrink_candidates_are_valid_inputs(pid):
    p = get_problem(pid)
    gen, ref = p.module("gen"), p.module("ref")
    rng = random.Random(5)
    obj = gen.parse(gen.generate(rng, 0.15))
    for k, cand in enumerate(gen.shrink(obj)):
        if k > 60:
            break
        text = gen.render(cand)
        assert gen.render(gen.parse(text)) == text
        ref.solve(text)  # the reference accepts it
