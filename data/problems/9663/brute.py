"""Brute force for 9663: every permutation of columns, checking the diagonals (N ≤ 8)."""
import sys
from itertools import permutations


def solve(data: str) -> str:
    n = int(data.split()[0])
    ok = sum(len({c + r for r, c in enumerate(p)}) == n and len({c - r for r, c in enumerate(p)}) == n
             for p in permutations(range(n)))
    return f"{ok}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
