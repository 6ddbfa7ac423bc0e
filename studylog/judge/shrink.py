"""Shrink a failing input to a small one that still fails.

:func:`shrink` is a greedy loop: take the first candidate (a smaller variant of the current
value) that still fails, repeat until no candidate fails or the budget is spent. Problems supply
their candidates in ``gen.py`` (``parse``/``render``/``shrink``), built from the helpers here:
:func:`chunks_removed` (drop halves, quarters, ... single items of a list) and
:func:`grid_candidates` (drop rows and columns, then clear cells), which keep the problem's
minimum sizes so every candidate is still a valid input.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Shrunk(Generic[T]):
    """The result of shrinking: the smallest failing value found and what it cost."""

    value: T
    steps: int  # accepted reductions
    evaluations: int  # candidates tried
    exhausted: bool  # True when the budget ran out before a local minimum was reached


def shrink(
    value: T,
    fails: Callable[[T], bool],
    candidates: Callable[[T], Iterable[T]],
    *,
    max_evaluations: int = 400,
    batch: int = 1,
    map_fn: Callable[[Callable[[T], bool], list[T]], Iterable[bool]] | None = None,
    cancel: threading.Event | None = None,
    on_step: Callable[[T, int], None] | None = None,
) -> Shrunk[T]:
    """Greedily reduce ``value`` while ``fails`` stays true.

    ``candidates(v)`` yields smaller variants of ``v``, most aggressive first. Candidates are
    tried ``batch`` at a time through ``map_fn`` (e.g. a thread pool's ``map``); the first
    failing one in candidate order wins, so the result does not depend on ``batch``. The returned
    value always fails (it is ``value`` itself when nothing smaller does).
    """
    mapper = map_fn or (lambda f, xs: map(f, xs))
    steps = evaluations = 0
    while True:
        it = iter(candidates(value))
        improved = False
        while not improved:
            if evaluations >= max_evaluations or (cancel is not None and cancel.is_set()):
                return Shrunk(value, steps, evaluations, True)
            chunk = list(islice(it, max(1, min(batch, max_evaluations - evaluations))))
            if not chunk:
                return Shrunk(value, steps, evaluations, False)
            evaluations += len(chunk)
            for cand, bad in zip(chunk, mapper(fails, chunk), strict=True):
                if bad:
                    value = cand
                    steps += 1
                    improved = True
                    if on_step is not None:
                        on_step(value, evaluations)
                    break


def chunks_removed(items: list[T], min_len: int = 0) -> Iterator[list[T]]:
    """``items`` with one chunk removed: halves first, then quarters, ..., then single items.

    Never yields a list shorter than ``min_len``.
    """
    n = len(items)
    size = n // 2 if n > 1 else 1
    while size >= 1:
        if n - size >= min_len:
            for start in range(0, n, size):
                yield items[:start] + items[start + size:]
        if size == 1:
            break
        size //= 2


def _index_chunks(n: int, keep: int) -> Iterator[range]:
    """Index ranges to delete from ``n`` positions while keeping at least ``keep``."""
    size = n // 2 if n > 1 else 1
    while size >= 1:
        if n - size >= keep:
            for start in range(0, n, size):
                yield range(start, min(n, start + size))
        if size == 1:
            break
        size //= 2


def grid_candidates(
    grid: list[list[T]],
    *,
    min_rows: int = 1,
    min_cols: int = 1,
    square: bool = False,
    background: T,
    clear_cells: bool = True,
) -> Iterator[list[list[T]]]:
    """Smaller grids: without a block of rows and/or columns (both at once when ``square``),
    then with one non-background cell set to ``background``."""
    rows = len(grid)
    cols = len(grid[0]) if grid else 0
    if square:
        for gone in _index_chunks(rows, min_rows):
            keep = [i for i in range(rows) if i not in gone]
            yield [[grid[r][c] for c in keep] for r in keep]
    else:
        for gone in _index_chunks(rows, min_rows):
            yield [row for i, row in enumerate(grid) if i not in gone]
        for gone in _index_chunks(cols, min_cols):
            yield [[v for j, v in enumerate(row) if j not in gone] for row in grid]
    if clear_cells:
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] != background:
                    smaller = [row[:] for row in grid]
                    smaller[r][c] = background
                    yield smaller


def grid_size(grid: list[list[object]]) -> int:
    """Rows × columns (a simple size measure for reports)."""
    return len(grid) * (len(grid[0]) if grid else 0)
