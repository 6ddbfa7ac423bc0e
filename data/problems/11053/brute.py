"""Brute force for 11053: the O(N²) DP, best[i] = longest increasing run ending at i."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    a = t[1:1 + t[0]]
    best = [1] * len(a)
    for i in range(len(a)):
        for j in range(i):
            if a[j] < a[i]:
                best[i] = max(best[i], best[j] + 1)
    return f"{max(best)}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
