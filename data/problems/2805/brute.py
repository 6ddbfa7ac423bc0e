"""Brute force for 2805: no binary search. With the trees sorted tallest first, a saw between
the k-th and the (k+1)-th tree cuts S_k - k*H (S_k = the k tallest heights' sum); take the
highest H over all k that still gives M."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    trees = sorted(t[2:2 + n], reverse=True) + [0]
    best, total = 0, 0
    for k in range(1, n + 1):
        total += trees[k - 1]
        high = min(trees[k - 1], (total - m) // k)  # the saw cuts only the k tallest trees
        if high >= trees[k]:
            best = max(best, high)
    return f"{best}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
