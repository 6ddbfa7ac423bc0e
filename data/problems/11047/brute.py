"""Brute force for 11047: the unbounded coin-change DP over 0..K (small K only)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, k = t[0], t[1]
    coins = t[2:2 + n]
    best = [0] + [k + 1] * k
    for value in range(1, k + 1):
        best[value] = 1 + min(best[value - c] for c in coins if c <= value)
    return f"{best[k]}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
