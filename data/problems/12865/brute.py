"""Brute force for 12865: every subset of the items (small N only)."""
import sys
from itertools import product


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, k = t[0], t[1]
    items = [(t[2 + 2 * i], t[3 + 2 * i]) for i in range(n)]
    best = 0
    for pick in product((0, 1), repeat=n):
        w = sum(x[0] for x, p in zip(items, pick) if p)
        if w <= k:
            best = max(best, sum(x[1] for x, p in zip(items, pick) if p))
    return f"{best}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
