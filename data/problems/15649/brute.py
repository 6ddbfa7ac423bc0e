"""Brute force for 15649: every M-tuple of 1..N, keeping those without repeats (already sorted)."""
import sys
from itertools import product


def solve(data: str) -> str:
    n, m = map(int, data.split()[:2])
    rows = [" ".join(map(str, p)) for p in product(range(1, n + 1), repeat=m) if len(set(p)) == m]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
